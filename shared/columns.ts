import { closestMatches, quoteList } from './suggest';

/**
 * The index of the column a mapping names, or -1. An exact match wins (the first, if a header
 * repeats a name); otherwise a header that differs only by surrounding spaces is accepted when it is
 * the only one, because such spaces are invisible in a spreadsheet and a saved mapping would
 * otherwise fail on a file that looks identical.
 */
export function findColumn(header: readonly string[], column: string): number {
  const exact = header.indexOf(column);
  if (exact !== -1) return exact;
  const wanted = column.trim();
  let found = -1;
  for (let i = 0; i < header.length; i += 1) {
    if ((header[i] ?? '').trim() !== wanted) continue;
    if (found !== -1) return -1;
    found = i;
  }
  return found;
}

const LISTED_COLUMNS = 10;

/**
 * "…, but the file has no such column" help: the closest header names, or else the file's columns
 * (the first few of them, for very wide files).
 */
export function missingColumnHint(header: readonly string[], column: string): string {
  const close = closestMatches(column, header);
  if (close.length > 0) return `Did you mean ${quoteList(close)}?`;
  if (header.length === 0) return 'The file has no columns.';
  const shown = header.slice(0, LISTED_COLUMNS);
  if (shown.length === header.length) return `The file's columns are ${quoteList(shown, 'and')}.`;
  const listed = shown.map((name) => JSON.stringify(name)).join(', ');
  return `The file's columns are ${listed} and ${header.length - shown.length} more.`;
}

/** Reads one cell of a row as text; a missing cell (a short row) reads as empty. */
export type ReadCell = (cells: readonly string[]) => string;

/** A reader for the column at `index`. */
export function cellReader(index: number): ReadCell {
  return (cells) => {
    const cell = cells[index];
    return typeof cell === 'string' ? cell : '';
  };
}
