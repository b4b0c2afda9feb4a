import { findColumn } from '../../../shared/columns';
import { prepareConversion, type RowConverter } from '../../../shared/convert';
import type { MappingIssue } from '../../../shared/issues';
import { fileSettings, type Mapping } from '../../../shared/mapping';
import {
  createFormatDetector,
  type FormatResolution,
  type ResolvedTimestampFormat,
} from '../../../shared/timestamps';
import { readRows, sniffFile, type SniffResult } from '../reading/reader';

/** A file opened with a mapping: how to read it, and the converter for its rows. */
export interface PreparedImport {
  file: SniffResult;
  converter: RowConverter;
  /** The mapping with an `auto` timestamp format replaced by the format decided for this file. */
  mapping: Mapping;
  /** How timestamps are read, in words, with the reason when the format was detected. */
  timestampDescription: string;
}

export type PrepareImportResult =
  { ok: true; prepared: PreparedImport } | { ok: false; file: SniffResult; issues: MappingIssue[] };

export interface PrepareImportOptions {
  path: string;
  mapping: Mapping;
  /** Zone for timestamps without an offset when the mapping names none (default: the computer's). */
  zone?: string;
  /** "Now" for the timestamp range check; a job keeps its own so a resume converts alike. */
  now: number;
  signal?: AbortSignal;
}

/** How a decided format is written in a mapping file, so the decision can be stored and reused. */
function formatName(format: ResolvedTimestampFormat): string {
  return format.kind === 'pattern' ? format.pattern : format.kind;
}

/**
 * Decides an `auto` timestamp column's format. The sample rows usually settle it; when they leave
 * day-first versus month-first open, the whole column is read (one fast extra pass) because a
 * value over 12 may come later in the file. Only when the whole file leaves it open is the user asked.
 */
async function decideTimestampFormat(
  options: PrepareImportOptions,
  file: SniffResult,
  columnIndex: number,
): Promise<FormatResolution> {
  const sampled = createFormatDetector();
  for (const row of file.sampleRows) sampled.observe(row.cells[columnIndex] ?? '');
  const fromSample = sampled.result();
  if (fromSample.ok || fromSample.kind !== 'timestamp_day_month_unclear') return fromSample;

  const whole = createFormatDetector();
  for await (const chunk of readRows(options.path, {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headerRow: file.headerRow,
    lineEnding: file.lineEnding,
  })) {
    options.signal?.throwIfAborted();
    for (const row of chunk.rows) whole.observe(row.cells[columnIndex] ?? '');
  }
  return whole.result();
}

/**
 * Opens a file with a mapping: detects (or takes from `mapping.source`) its encoding, delimiter
 * and header, decides the timestamp format, and binds the mapping to the header. Problems that
 * would affect every row come back as mapping issues; an unreadable file throws a `ReadError`.
 */
export async function prepareImport(options: PrepareImportOptions): Promise<PrepareImportResult> {
  const source = fileSettings(options.mapping);
  const file = await sniffFile(options.path, source);
  let mapping = options.mapping;
  let detectedDescription: string | null = null;

  const timestamp = mapping.timestamp;
  const format = timestamp.format?.trim().toLowerCase() ?? 'auto';
  if ('column' in timestamp && format === 'auto') {
    const index = findColumn(file.header, timestamp.column);
    if (index !== -1) {
      const decided = await decideTimestampFormat(options, file, index);
      if (!decided.ok) {
        return {
          ok: false,
          file,
          issues: [
            {
              field: 'timestamp.format',
              column: timestamp.column,
              kind: decided.kind,
              message: decided.message,
            },
          ],
        };
      }
      mapping = { ...mapping, timestamp: { ...timestamp, format: formatName(decided.format) } };
      detectedDescription = decided.description;
    }
  }

  const prepared = prepareConversion(file.header, mapping, {
    zone: options.zone,
    now: options.now,
  });
  if (!prepared.ok) return { ok: false, file, issues: prepared.issues };
  const { converter } = prepared;
  const timestampDescription = detectedDescription ?? converter.timestampDescription;
  return { ok: true, prepared: { file, converter, mapping, timestampDescription } };
}
