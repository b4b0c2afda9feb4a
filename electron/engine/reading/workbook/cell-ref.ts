// Cell references as a sheet's XML writes them (`C7`, `AB12`): the column letters and the row.

/** Excel's widest sheet, columns A to XFD: a reference beyond it is a damaged part. */
export const MAX_COLUMNS = 16_384;
/** Excel's longest sheet. */
export const MAX_ROWS = 1_048_576;

/**
 * The 0-based column of a reference's letters (`A` -> 0, `Z` -> 25, `AA` -> 26), reading letters
 * up to the first digit; -1 when there are none or they name a column past XFD.
 */
export function columnIndex(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i) | 0x20; // lower case, so `a1` works as `A1` does
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
    if (column > MAX_COLUMNS) return -1;
  }
  return i === 0 ? -1 : column - 1;
}

/** The letters of a 0-based column: 0 -> `A`, 26 -> `AA`. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(0x41 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The reference of a cell as Excel shows it: column 2, row 7 -> `C7`. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** The row of a reference (`C7` -> 7), or null when it has none. */
export function refRow(ref: string): number | null {
  const match = /^[A-Za-z]*\$?(\d+)$/.exec(ref.replace(/^\$/, ''));
  if (!match?.[1]) return null;
  const row = Number(match[1]);
  return Number.isSafeInteger(row) && row >= 1 ? row : null;
}
