import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Delimiter } from '../../../shared/delimiters';
import { detectBom } from './encoding-detect';
import {
  byteCounter,
  createDecoder,
  resolveEncoding,
  type ResolvedEncoding,
} from './encoding-decode';
import { ReadError, readErrorFromSystem } from './reader-error';
import { invalidTextMessage, noHeaderMessage, recordTooLargeMessage } from './reader-messages';
import {
  checkDelimiter,
  checkHeaderRow,
  type ResumePoint,
  type RowChunk,
  type SourceOptions,
} from './reader-options';
import { createRecordParser, type LineEnding, type QuoteError } from './reader-parser';
import { collectRows, rowWithReplacement, type RowState } from './reader-rows';
import { sniffFile } from './reader-sniff';

export { ReadError, type ReadErrorCode } from './reader-error';
export type { DataRow, ResumePoint, RowChunk, SourceOptions } from './reader-options';
export type { LineEnding } from './reader-parser';
export { sniffFile, type SniffOptions, type SniffResult } from './reader-sniff';

export interface ReadRowsOptions extends SourceOptions {
  /**
   * The header as `sniffFile` returned it; only its length is used: the column count when
   * resuming, and the count kept when the header record ends in nameless columns.
   */
  header?: readonly string[];
  /** `SniffResult.headerWidth`: with `header`, which values past the columns a row may leave empty. */
  headerWidth?: number;
  /** The code page Excel writes on this computer, for detecting the encoding (see `SniffOptions`). */
  systemCodePage?: string;
  /** As `sniffFile` returned it; detected from the start of the file when left out. */
  lineEnding?: LineEnding;
  /** Continue after a chunk read earlier: its `endByteOffset` and `nextRowNumber`. */
  resumeFrom?: ResumePoint;
  /** About how many characters of text each chunk holds (memory is bounded by it). Default 64 Ki. */
  chunkChars?: number;
}

// Small enough that a chunk's rows die young (the garbage collector's cheap case), large enough
// that per-chunk costs vanish: about 600 rows of a typical export.
const DEFAULT_CHUNK_CHARS = 64 * 1024;
// A record this long is almost certainly a quote that never closes; stop before it fills memory.
const MAX_RECORD_CHARS = 16 * 1024 * 1024;
const MAX_READ_BYTES = 256 * 1024;

interface Settings {
  encoding: ResolvedEncoding;
  delimiter: Delimiter;
  headerRow: number;
  columnCount: number | null;
  lineEnding: LineEnding;
}

/** Fills in what the caller left to detection (or, when resuming, the header's length). */
async function settle(path: string, options: ReadRowsOptions): Promise<Settings> {
  const chosenHeaderRow =
    options.headerRow === undefined ? null : checkHeaderRow(options.headerRow);
  const headerRow = chosenHeaderRow ?? 1;
  const delimiter = checkDelimiter(options.delimiter);
  const chosen =
    options.encoding === undefined || options.encoding === 'auto' ? null : options.encoding;
  const encoding = chosen === null ? null : resolveEncoding(chosen);
  const resuming = options.resumeFrom !== undefined;
  const columnCount = resuming ? (options.header?.length ?? null) : null;
  const lineEnding = options.lineEnding ?? null;
  if (
    encoding &&
    delimiter &&
    lineEnding &&
    chosenHeaderRow !== null &&
    (!resuming || columnCount !== null)
  ) {
    return { encoding, delimiter, headerRow, columnCount, lineEnding };
  }
  const sniffed = await sniffFile(
    path,
    {
      encoding: options.encoding,
      delimiter: options.delimiter,
      ...(chosenHeaderRow === null ? {} : { headerRow: chosenHeaderRow }),
    },
    { sampleRows: 1, systemCodePage: options.systemCodePage },
  );
  return {
    encoding: encoding ?? resolveEncoding(sniffed.encoding),
    delimiter: delimiter ?? sniffed.delimiter,
    // Left out, the header is the sniff's: the first row that is not blank.
    headerRow: chosenHeaderRow ?? sniffed.headerRow,
    columnCount: resuming ? (columnCount ?? sniffed.header.length) : null,
    lineEnding: lineEnding ?? sniffed.lineEnding,
  };
}

/** How many line breaks the first `end` characters of `text` hold. */
function lineBreaks(text: string, end: number, lineEnding: LineEnding): number {
  const mark = lineEnding === '\r' ? '\r' : '\n';
  let count = 0;
  for (let at = text.indexOf(mark); at !== -1 && at < end; at = text.indexOf(mark, at + 1)) {
    count += 1;
  }
  return count;
}

/**
 * Streams the data rows of a CSV file in chunks, pulled by the consumer: the file is read only as
 * fast as the chunks are taken, and memory holds about one chunk. Each chunk ends at a record
 * boundary, and its `endByteOffset` / `nextRowNumber` resume a later read exactly there.
 *
 * Rows are numbered like spreadsheet rows: every record counts (title lines above the header,
 * the header, blank lines), a quoted value with line breaks counts once. Blank rows (nothing but
 * spaces and delimiters) are skipped silently. A row with more or fewer values than the header
 * has is reported as an error issue (strictly: a trailing delimiter is an extra value).
 *
 * A value opened by a stray double quote that swallows the lines after it is given back as the
 * rows it spans, each with an `unclosed_quote` error (see `runaway-quote.ts`), and rows after it
 * are numbered by the file's lines again. A header row left out is the first row that is not blank.
 *
 * Throws a `ReadError` for an unreadable file, text that is not valid in its encoding (with the
 * row), or a record longer than 16 MB (a quote that never closes, in a big file).
 */
export async function* readRows(
  path: string,
  options: ReadRowsOptions = {},
): AsyncGenerator<RowChunk, void, undefined> {
  const fileName = basename(path);
  const settings = await settle(path, options);
  const chunkChars = Math.max(1, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const resume = options.resumeFrom;
  const state: RowState = {
    nextRow: resume?.rowNumber ?? 1,
    headerRow: settings.headerRow,
    columnCount: settings.columnCount,
    knownColumns: options.header?.length ?? null,
    blankTail:
      resume && options.header && options.headerWidth !== undefined
        ? Math.max(0, options.headerWidth - options.header.length)
        : 0,
    delimiter: settings.delimiter,
    fileName,
  };
  let encoding = settings.encoding;
  let decoder = createDecoder(encoding);
  let countBytes = byteCounter(encoding);
  const parse = createRecordParser(settings.delimiter, settings.lineEnding);
  let byteOffset = resume?.byteOffset ?? 0;
  /** The file offset just after the last byte given to the decoder. */
  let bytesRead = byteOffset;
  let text = '';
  let parseAt = chunkChars;

  const finishChunk = (
    records: readonly string[][],
    firstRow: number,
    quoteErrors: ReadonlyMap<number, QuoteError>,
    quoted: boolean,
  ): RowChunk => {
    const { rows, issues } = collectRows(records, state, quoteErrors, quoted);
    if (decoder.invalid) {
      const bad = rowWithReplacement(records, firstRow);
      if (bad !== null) {
        throw new ReadError('bad_encoding', invalidTextMessage(fileName, encoding.name, bad));
      }
    }
    return { rows, issues, endByteOffset: byteOffset, nextRowNumber: state.nextRow };
  };

  // Parses the complete records in `text`; at the end of the file also the last one.
  const takeChunk = (final: boolean): RowChunk | null => {
    if (final && text === '') return null;
    const firstRow = state.nextRow;
    const { records, consumed, quoteErrors } = parse(text, false);
    if (consumed === 0 && !final) {
      if (text.length > MAX_RECORD_CHARS) {
        throw new ReadError(
          'record_too_large',
          recordTooLargeMessage(fileName, firstRow, MAX_RECORD_CHARS),
        );
      }
      // Re-parsing a growing record at doubling sizes stays linear overall.
      parseAt = Math.min(text.length * 2, MAX_RECORD_CHARS + 1);
      return null;
    }
    if (final && consumed < text.length) {
      // A quote that never closes swallowed the rest: `collectRows` gives it back as rows in error.
      const last = parse(text.slice(consumed), true);
      for (const [index, error] of last.quoteErrors) quoteErrors.set(records.length + index, error);
      records.push(...last.records);
    }
    const done = final ? text.length : consumed;
    // Only a chunk with more line breaks than records has a value that spans lines, where a
    // stray quote may have swallowed rows: the others skip that check (it costs a pass per cell).
    const quoted =
      quoteErrors.size > 0 || lineBreaks(text, done, settings.lineEnding) > records.length;
    const rest = text.slice(done);
    // Where the decoder can say what it holds back, count backwards from the bytes read over the
    // short rest: counting the whole chunk costs a pass over it.
    const pending = decoder.pendingBytes;
    byteOffset =
      pending === null
        ? byteOffset + countBytes(text.slice(0, done))
        : bytesRead - pending - countBytes(rest);
    text = rest;
    parseAt = chunkChars;
    return finishChunk(records, firstRow, quoteErrors, quoted);
  };

  const stream = createReadStream(path, {
    start: byteOffset,
    // At least 4 bytes, so that the first piece holds a whole byte-order mark.
    highWaterMark: Math.min(MAX_READ_BYTES, Math.max(4, chunkChars)),
  });
  try {
    let first = true;
    for await (const piece of stream as AsyncIterable<Buffer>) {
      let bytes = piece;
      bytesRead += piece.length;
      if (first && byteOffset === 0) {
        const bom = detectBom(bytes);
        if (bom) {
          encoding = resolveEncoding(bom.encoding);
          decoder = createDecoder(encoding);
          countBytes = byteCounter(encoding);
          bytes = bytes.subarray(bom.length);
          byteOffset = bom.length;
        }
      }
      first = false;
      text += decoder.write(bytes);
      if (text.length < parseAt) continue;
      const chunk = takeChunk(false);
      if (chunk) yield chunk;
    }
    text += decoder.end();
    const last = takeChunk(true);
    if (state.columnCount === null) {
      throw new ReadError(
        'empty',
        noHeaderMessage(fileName, settings.headerRow, state.nextRow - 1),
      );
    }
    if (decoder.invalid) {
      throw new ReadError('bad_encoding', invalidTextMessage(fileName, encoding.name, null));
    }
    if (last) yield last;
  } catch (error) {
    throw readErrorFromSystem(error, fileName);
  } finally {
    stream.destroy();
  }
}
