import Papa from 'papaparse';
import type { RowIssue } from '../../../shared/issues';
import type { DataRow } from './reader-options';
import type { QuoteError } from './reader-parser';
import { quoteOpensMessage, readIntoQuoteMessage } from './reader-messages';

// A stray double quote (`"Big customer` typed into a note) opens a quoted value that swallows the
// lines after it, up to the next quote that happens to close it or to the end of the file. Read
// by the rules of CSV, those lines become one cell, and an event mixing several rows would be
// sent. This module recognises such a record and gives each line it swallowed back its own row
// number, with an error: none of them is sent, and the rows after it are numbered as the file's
// lines are.

const LINE_BREAK = /\r\n|\n|\r/;

function hasLineBreak(cell: string): boolean {
  return cell.includes('\n') || cell.includes('\r');
}

/**
 * Whether a line inside a value looks like a whole row of the file: the separators a row of
 * `columnCount` values has (outside double-quoted parts), and two values or more filled in.
 */
function looksLikeRow(line: string, delimiter: string, columnCount: number): boolean {
  let separators = 0;
  let filled = 0;
  let inValue = false;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === delimiter) {
      separators += 1;
      inValue = false;
    } else if (!inValue && char.trim() !== '') {
      inValue = true;
      filled += 1;
    }
  }
  return separators === columnCount - 1 && filled >= 2;
}

/**
 * The index of the cell that swallowed lines, or -1. A quote error papaparse reported on a record
 * whose value spans lines is one; so is a value whose later lines each look like a whole row
 * (exactly the separators a row of the header's width has, and two values filled in; three columns
 * at least, so that a multi-line address with a comma or two stays a value). A value written on
 * purpose that way is reported too: a row in error is seen, a row mixing others is not. A quoted value cut off by the end of the
 * file is one even on a single line.
 */
function runawayCell(
  cells: readonly string[],
  quoteError: QuoteError | undefined,
  columnCount: number,
  delimiter: string,
): number {
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] ?? '';
    if (!hasLineBreak(cell)) continue;
    if (quoteError !== undefined) return i;
    if (columnCount < 3) continue;
    const later = cell.split(LINE_BREAK).slice(1);
    if (later.some((line) => looksLikeRow(line, delimiter, columnCount))) {
      return i;
    }
  }
  // Cut off by the end of the file on its own line: the quote is in the last value read.
  return quoteError === 'missing' ? cells.length - 1 : -1;
}

/** One swallowed line split into values as a row of its own would be (for the review and report). */
function splitLine(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, quoteChar: '"' });
  const cells = parsed.data[0];
  if (parsed.errors.length === 0 && cells) return cells;
  return line.split(delimiter);
}

export interface RunawayRows {
  /** The rows the record spans, each with its own number and cells; blank lines left out. */
  rows: DataRow[];
  /** One error per row in `rows`. */
  issues: RowIssue[];
  /** How many rows of the file the record spans (blank lines included): numbering goes on after. */
  span: number;
}

/**
 * When the record that starts at row `first` is lines swallowed by a quote that never closes (see
 * above), its rows and their errors; otherwise null. `quoteError` is what papaparse said of the
 * record, `columnCount` the header's width.
 */
export function runawayRows(
  cells: readonly string[],
  first: number,
  quoteError: QuoteError | undefined,
  columnCount: number,
  delimiter: string,
): RunawayRows | null {
  const at = runawayCell(cells, quoteError, columnCount, delimiter);
  if (at === -1) return null;
  const lines = (cells[at] ?? '').split(LINE_BREAK);
  // A value cut off by the end of the file holds the file's last line break: not one more line.
  if (quoteError === 'missing' && lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const span = lines.length;
  const last = first + span - 1;
  const toEnd = quoteError === 'missing';
  const cellsOf: string[][] = lines.map((line) => splitLine(line, delimiter));
  // The opening line: the values before the quote, then the quote and what follows it.
  cellsOf[0] = [...cells.slice(0, at), `"${lines[0] ?? ''}`];
  if (span > 1) {
    // The closing line: up to the quote that closed the value, then the record's other values.
    const closing = (lines[span - 1] ?? '').split(delimiter);
    if (!toEnd) closing[closing.length - 1] = `${closing[closing.length - 1] ?? ''}"`;
    cellsOf[span - 1] = [...closing, ...cells.slice(at + 1)];
  } else {
    cellsOf[0].push(...cells.slice(at + 1));
  }
  const rows: DataRow[] = [];
  const issues: RowIssue[] = [];
  cellsOf.forEach((rowCells, i) => {
    const row = first + i;
    if (i > 0 && i < span - 1 && (lines[i] ?? '').trim() === '') return;
    rows.push({ row, cells: rowCells });
    issues.push({
      row,
      column: null,
      kind: 'unclosed_quote',
      severity: 'error',
      message:
        i === 0
          ? quoteOpensMessage(first, last, toEnd)
          : readIntoQuoteMessage(row, first, last, toEnd),
    });
  });
  return { rows, issues, span };
}
