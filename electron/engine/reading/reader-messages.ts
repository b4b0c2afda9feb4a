import { delimiterChoicesText, delimiterInSentence } from '../../../shared/delimiters';
import type { RowIssue } from '../../../shared/issues';
import { plural } from '../../../shared/wording';

// Every sentence the reader shows a person, in one place so that they read alike.

/** A row whose number of values differs from the header's (an error: such a row is not sent). */
export function fieldCountIssue(
  row: number,
  found: number,
  expected: number,
  delimiter: string,
): RowIssue {
  const what = `Row ${row} has ${plural(found, 'value')} but the header has ${plural(expected, 'column')}.`;
  const name = delimiterInSentence(delimiter);
  if (found < expected) {
    return {
      row,
      column: null,
      kind: 'too_few_fields',
      severity: 'error',
      message: `${what} Check for a missing ${name}, or a line break inside a value that is not in double quotes.`,
    };
  }
  return {
    row,
    column: null,
    kind: 'too_many_fields',
    severity: 'error',
    message: `${what} Check for a ${name} inside a value that is not in double quotes.`,
  };
}

export function emptyFileMessage(fileName: string): string {
  return `${fileName} is empty: it has no rows, not even a header. Choose the file that holds your data.`;
}

export function noHeaderMessage(fileName: string, headerRow: number, rows: number): string {
  if (rows === 0) return emptyFileMessage(fileName);
  return `${fileName} has only ${plural(rows, 'row')}, so row ${headerRow} cannot be its header. Set the header row to the row that holds the column names.`;
}

export function blankHeaderMessage(fileName: string, headerRow: number): string {
  return `Row ${headerRow} of ${fileName} is empty, so it cannot be the header. Set the header row to the row that holds the column names.`;
}

export function invalidTextMessage(fileName: string, encoding: string, row: number | null): string {
  const where = row === null ? fileName : `Row ${row} of ${fileName}`;
  const label = encoding === 'utf-8' ? 'UTF-8' : encoding;
  return `${where} has characters that are not valid ${label} text. The file was probably saved in another encoding, such as Windows-1252: choose that encoding, or save the file again as CSV UTF-8.`;
}

export function recordTooLargeMessage(fileName: string, row: number, limitChars: number): string {
  const megabytes = Math.round(limitChars / (1024 * 1024));
  return `Row ${row} of ${fileName} is longer than ${megabytes} MB. This usually means a double quote (") opens a value and is never closed: check that row in a text editor.`;
}

const DOUBLED = 'a quote inside a value is written twice, ""';

/** `rows 3 to 9 were read as one cell`, and where the file ended inside it. */
function spanText(first: number, last: number, toEnd: boolean): string {
  return `rows ${first} to ${last} were read as one cell${toEnd ? ', up to the end of the file' : ''}`;
}

/** The row where a stray quote opens a value that swallows the lines after it (none is sent). */
export function quoteOpensMessage(first: number, last: number, toEnd: boolean): string {
  if (first === last) {
    return `Row ${first} has a double quote (") that opens a value and never closes, so the row is not sent. Check it in a text editor: ${DOUBLED}.`;
  }
  return `A double quote (") opens a value in row ${first} and never closes, so ${spanText(first, last, toEnd)}. None of them is sent: check row ${first} in a text editor (${DOUBLED}), then read the file again.`;
}

/** A row swallowed by the quote of an earlier row. */
export function readIntoQuoteMessage(
  row: number,
  first: number,
  last: number,
  toEnd: boolean,
): string {
  return `Row ${row} was read into the value that a double quote (") opens in row ${first}, so it is not sent: ${spanText(first, last, toEnd)}. Fix the quote in row ${first}.`;
}

export function badDelimiterMessage(delimiter: string): string {
  return `${JSON.stringify(delimiter)} is not a delimiter this app reads: use ${delimiterChoicesText()}.`;
}

export function badHeaderRowMessage(headerRow: unknown): string {
  return `The header row must be a whole number, 1 or more (got ${JSON.stringify(headerRow)}).`;
}
