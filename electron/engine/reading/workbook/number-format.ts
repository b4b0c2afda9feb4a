// Which number formats make a number cell a date. Excel stores a date as a plain number (days
// since the workbook's epoch) and only the cell's number format says it is one, so this decides
// whether a cell is read as a date or as a number.

/** What a date format shows: a day, a day and a time of day, or only a time of day. */
export type DateShape = 'date' | 'datetime' | 'time';

// The built-in formats that Excel writes as a bare numFmtId (ECMA-376 part 1, 18.8.30, and the
// ids Excel's East Asian editions localise): 14-17 dates, 18-21 times, 22 date and time, 27-36 and
// 50-58 the localised dates and times, 45-47 minutes and seconds.
const BUILT_IN: ReadonlyMap<number, DateShape> = new Map<number, DateShape>([
  ...[14, 15, 16, 17, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58].map(
    (id) => [id, 'date'] as const,
  ),
  ...[18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56].map((id) => [id, 'time'] as const),
  [22, 'datetime'],
]);

/** The shape of a built-in format id, or null when that id is not a date format. */
export function builtInDateShape(numFmtId: number): DateShape | null {
  return BUILT_IN.get(numFmtId) ?? null;
}

/**
 * The shape of a custom format code (`dd.mm.yyyy hh:mm`, `d\.m\.yyyy\ h:mm`, `[$-F800]dddd`), or
 * null when it shows a number. Only date and time tokens count: text in quotes, characters after
 * a backslash, `_` and `*` padding, and bracketed colours, conditions and currencies (`[Red]`,
 * `[<100]`, `[$€-407]`) are skipped; `[h]`, `[mm]`, `[ss]` (elapsed time) and the system date and
 * time locales `[$-F800]` and `[$-F400]` count. `m` is a month unless an hour or a second is
 * beside it, as in Excel.
 */
export function customDateShape(code: string): DateShape | null {
  let date = false;
  let time = false;
  let month = false;
  const text = code.replace(/general/gi, '');
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    switch (char) {
      case '"': {
        const close = text.indexOf('"', i + 1);
        i = close === -1 ? text.length : close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        i += 1;
        break;
      case '[': {
        const close = text.indexOf(']', i + 1);
        const inside = text.slice(i + 1, close === -1 ? text.length : close).toLowerCase();
        if (/^(h+|m+|s+)$/.test(inside)) time = true;
        else if (/^\$-f800$/.test(inside)) date = true;
        else if (/^\$-f400$/.test(inside)) time = true;
        i = close === -1 ? text.length : close;
        break;
      }
      default: {
        const lower = char.toLowerCase();
        if (lower === 'd' || lower === 'y') date = true;
        else if (lower === 'h' || lower === 's') time = true;
        else if (lower === 'm') month = true;
        else if (lower === 'e' && !/[+-]/.test(text[i + 1] ?? '')) date = true;
        else if (lower === 'a' && /^(am\/pm|a\/p)/i.test(text.slice(i))) time = true;
      }
    }
  }
  if (month && !time) date = true;
  if (date && time) return 'datetime';
  if (date) return 'date';
  return time ? 'time' : null;
}

/**
 * The shape of a cell's number format: a custom code the workbook defines for that id wins (a
 * workbook may redefine a built-in id), else the built-in table.
 */
export function dateShapeOf(numFmtId: number, customCode: string | undefined): DateShape | null {
  return customCode === undefined ? builtInDateShape(numFmtId) : customDateShape(customCode);
}
