import Papa from 'papaparse';

/** The record separator papaparse splits on. */
export type LineEnding = '\n' | '\r\n' | '\r';

export interface ParsedRecords {
  records: string[][];
  /** Characters of the input consumed: the records above end exactly here. */
  consumed: number;
  /** A final parse ended inside a quoted value: a quote opened and never closed. */
  unclosedQuote: boolean;
  /**
   * Records (by index in `records`) where papaparse met a quote it could not pair: `invalid` for a
   * quote inside a quoted value not followed by a separator (it read on to a later quote), `missing`
   * for a quoted value that the end of the text cut off. Empty for most chunks.
   */
  quoteErrors: Map<number, QuoteError>;
}

export type QuoteError = 'invalid' | 'missing';

// papaparse's low-level Parser is what its own streamers drive chunk by chunk; driving it directly
// lets the reader pull text at its consumer's pace and know exactly where each chunk ended.
interface PapaParserResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/**
 * A CSV record parser for one delimiter and line ending (quote `"`, doubled to escape). Given
 * `final: false` it stops before the last record, which may be incomplete, so that parsing text
 * in pieces gives exactly the records of parsing it whole.
 */
export function createRecordParser(
  delimiter: string,
  lineEnding: LineEnding,
  preview = 0,
): (text: string, final: boolean) => ParsedRecords {
  const parser = new Papa.Parser({ delimiter, newline: lineEnding, quoteChar: '"', preview });
  // A file that mixes CRLF into LF lines is read as LF; the CR left at the end of such a line is
  // not data.
  const stripCarriageReturn = lineEnding === '\n';
  return (text, final) => {
    const result = parser.parse(text, 0, !final) as PapaParserResult;
    const records = result.data;
    if (stripCarriageReturn && text.includes('\r')) {
      for (const record of records) {
        const last = record.length - 1;
        const cell = record[last] ?? '';
        if (cell.charCodeAt(cell.length - 1) === 13) record[last] = cell.slice(0, -1);
      }
    }
    // papaparse reads the line break that ends a file as the start of one more, empty record.
    const last = records[records.length - 1];
    if (final && last?.length === 1 && last[0] === '') records.pop();
    const quoteErrors = new Map<number, QuoteError>();
    for (const error of result.errors) {
      const row = error.row;
      // An error of the record a partial parse held back belongs to the next parse.
      if (row === undefined || row >= records.length) continue;
      if (error.code === 'MissingQuotes') quoteErrors.set(row, 'missing');
      else if (error.code === 'InvalidQuotes' && !quoteErrors.has(row))
        quoteErrors.set(row, 'invalid');
    }
    return {
      records,
      consumed: final ? text.length : result.meta.cursor,
      unclosedQuote: final && result.errors.some((error) => error.code === 'MissingQuotes'),
      quoteErrors,
    };
  };
}

/** A record with no content: a blank line, or only delimiters and spaces. */
export function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) {
    if (cell.length > 0 && cell.trim() !== '') return false;
  }
  return true;
}
