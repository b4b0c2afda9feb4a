import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Delimiter, DelimiterSource } from '../../../shared/delimiters';
import { detectDelimiter, detectLineEnding } from './delimiter-detect';
import type { EncodingSource } from './encoding-detect';
import { createDecoder, resolveEncoding } from './encoding-decode';
import {
  firstFilledRecord,
  namedColumnCount,
  normalizeHeader,
  suggestHeaderRow,
} from './header-names';
import { binaryDataMessage, describeNonText, hasNulByte } from './reader-binary';
import { ReadError, readErrorFromSystem } from './reader-error';
import {
  blankHeaderMessage,
  emptyFileMessage,
  invalidTextMessage,
  noHeaderMessage,
  recordTooLargeMessage,
} from './reader-messages';
import {
  checkDelimiter,
  checkHeaderRow,
  chooseEncoding,
  type DataRow,
  type SourceOptions,
} from './reader-options';
import { createRecordParser, isBlankRecord, type LineEnding } from './reader-parser';
import { collectRows } from './reader-rows';

export interface SniffResult {
  path: string;
  fileName: string;
  fileSize: number;
  encoding: string;
  encodingSource: EncodingSource;
  /** The other likely encoding when the choice was close (`system` or `uncertain`), else null. */
  encodingAlternative: string | null;
  /** Whether the file starts with a byte-order mark. */
  bom: boolean;
  delimiter: Delimiter;
  delimiterSource: DelimiterSource;
  lineEnding: LineEnding;
  /** The row of the column names: as chosen, or else the first row that is not blank. */
  headerRow: number;
  /**
   * Set when `headerRow` was left to its default and the first rows look like title lines: the
   * row that seems to hold the column names (the screen can offer it; nothing changes by itself).
   */
  suggestedHeaderRow: number | null;
  /**
   * Column names, trimmed and made distinct (see `normalizeHeader`). Nameless columns at the end of
   * the header row (a header that ends with a separator) are not columns when no sample row has a
   * value there: rows may leave them out or leave them empty.
   */
  header: string[];
  /** How many values the header row has, those nameless columns included (for `readRows`). */
  headerWidth: number;
  /** The first data rows (blank rows left out), for the preview and for format detection. */
  sampleRows: DataRow[];
}

export interface SniffOptions {
  /** How many data rows to return in `sampleRows`. Default 100. */
  sampleRows?: number;
  /**
   * The code page Excel writes on this computer (`ansiCodePageFor` of the system locale): it
   * decides where the encoding detector is unsure. windows-1252 when left out.
   */
  systemCodePage?: string;
}

const FIRST_SAMPLE_BYTES = 256 * 1024;
// Grows (×4) only when the first bytes hold fewer records than needed: very long rows, or a
// quote that is never closed.
const MAX_SAMPLE_BYTES = 16 * 1024 * 1024;
const NUL_SCAN_BYTES = 8 * 1024;

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function suggestedOtherThan(records: readonly string[][], headerRow: number): number | null {
  const suggested = suggestHeaderRow(records);
  return suggested === headerRow ? null : suggested;
}

/**
 * Looks at the start of a file, fast (it reads 256 KB, more only for very long rows): its
 * encoding, delimiter, line ending, header and first rows. `source` pins any of them, as a
 * mapping's `source` does. Throws a `ReadError` with a plain message for a missing or unreadable
 * file, a file that is not text (a workbook, a PDF, an image), an empty file or no header row.
 */
export async function sniffFile(
  path: string,
  source: SourceOptions = {},
  options: SniffOptions = {},
): Promise<SniffResult> {
  const fileName = basename(path);
  const headerRowChosen = source.headerRow !== undefined;
  let headerRow = checkHeaderRow(source.headerRow);
  const chosenDelimiter = checkDelimiter(source.delimiter);
  if (source.encoding !== undefined && source.encoding !== 'auto') resolveEncoding(source.encoding);
  const wanted = options.sampleRows ?? 100;

  let fileSize: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    fileSize = info.size;
  } catch (error) {
    throw readErrorFromSystem(error, fileName);
  }
  if (fileSize === 0) throw new ReadError('empty', emptyFileMessage(fileName));

  for (let bytes = FIRST_SAMPLE_BYTES; ; bytes *= 4) {
    let head: Buffer;
    try {
      head = await readHead(path, Math.min(bytes, fileSize));
    } catch (error) {
      throw readErrorFromSystem(error, fileName);
    }
    const complete = head.length >= fileSize;
    const notText = describeNonText(head, fileName);
    if (notText) throw new ReadError('not_text', notText);
    const detected = chooseEncoding(head, complete, source.encoding, options.systemCodePage);
    const encoding = resolveEncoding(detected.encoding);
    const utf16 = encoding.kind === 'utf-16le' || encoding.kind === 'utf-16be';
    if (!utf16 && hasNulByte(head.subarray(0, NUL_SCAN_BYTES))) {
      throw new ReadError('not_text', binaryDataMessage(fileName));
    }
    const decoder = createDecoder(encoding);
    const text = decoder.write(head.subarray(detected.bomLength)) + (complete ? decoder.end() : '');
    if (decoder.invalid) {
      throw new ReadError('bad_encoding', invalidTextMessage(fileName, encoding.name, null));
    }
    const lineEnding = detectLineEnding(text);
    const detectedDelimiter =
      chosenDelimiter ?? detectDelimiter(text, lineEnding, headerRow, complete);
    const delimiter = detectedDelimiter ?? ',';
    const { records, quoteErrors } = createRecordParser(delimiter, lineEnding)(text, complete);
    // Blank lines above the header are skipped when the header row was not chosen.
    if (!headerRowChosen) headerRow = (firstFilledRecord(records) ?? 0) + 1;
    const headerCells = records[headerRow - 1];
    const usable = headerCells !== undefined && !isBlankRecord(headerCells);
    const columns = usable ? namedColumnCount(headerCells, records.slice(headerRow)) : 0;
    // Numbered exactly as `readRows` numbers them (a runaway quote's rows included).
    const rowState = {
      nextRow: 1,
      headerRow,
      columnCount: null,
      knownColumns: columns,
      blankTail: 0,
      delimiter,
      fileName,
    };
    const sampleRows: DataRow[] = usable
      ? collectRows(records, rowState, quoteErrors).rows.slice(0, wanted)
      : [];
    const growing = headerCells === undefined || usable;
    if (!complete && growing && sampleRows.length < wanted && bytes < MAX_SAMPLE_BYTES) continue;

    if (!headerCells) {
      if (!complete) {
        throw new ReadError(
          'record_too_large',
          recordTooLargeMessage(fileName, records.length + 1, MAX_SAMPLE_BYTES),
        );
      }
      const empty = records.every(isBlankRecord);
      throw new ReadError(
        'empty',
        noHeaderMessage(fileName, headerRow, empty ? 0 : records.length),
      );
    }
    if (isBlankRecord(headerCells)) {
      throw new ReadError('empty', blankHeaderMessage(fileName, headerRow));
    }
    return {
      path,
      fileName,
      fileSize,
      encoding: encoding.name,
      encodingSource: detected.source,
      encodingAlternative: detected.alternative ?? null,
      bom: detected.bomLength > 0,
      delimiter,
      delimiterSource: chosenDelimiter ? 'chosen' : detectedDelimiter ? 'detected' : 'default',
      lineEnding,
      headerRow,
      suggestedHeaderRow: headerRowChosen ? null : suggestedOtherThan(records, headerRow),
      header: normalizeHeader(headerCells.slice(0, columns)),
      headerWidth: headerCells.length,
      sampleRows,
    };
  }
}
