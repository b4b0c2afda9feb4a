// SpreadsheetML writes characters that XML cannot hold (a carriage return kept as such, control
// characters) as `_xHHHH_`, and a literal `_x...._` with its underscore escaped as `_x005F_`.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Text of a `<t>` or `<v>` element with `_xHHHH_` escapes decoded (ECMA-376 part 1, 22.9.2.19). */
export function decodeXString(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
