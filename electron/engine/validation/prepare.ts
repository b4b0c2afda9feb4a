import { findColumn } from '../../../shared/columns';
import { prepareConversion, type RowConverter } from '../../../shared/convert';
import type { MappingIssue } from '../../../shared/issues';
import {
  createDecimalDetector,
  describeDecimalMark,
  type DecimalChoice,
  type DecimalDecision,
} from '../../../shared/decimal-detect';
import { fileSettings, type DecimalMark, type Mapping } from '../../../shared/mapping';
import {
  createFormatDetector,
  type FormatResolution,
  type ResolvedTimestampFormat,
} from '../../../shared/timestamps';
import { readSourceRows, sniffSource, type SourceFile } from '../reading/source/source';

/** A file opened with a mapping: how to read it, and the converter for its rows. */
export interface PreparedImport {
  file: SourceFile;
  converter: RowConverter;
  /**
   * The mapping with an `auto` timestamp format replaced by the format decided for this file, and
   * every number attribute's decimal mark filled in.
   */
  mapping: Mapping;
  /** How timestamps are read, in words, with the reason when the format was detected. */
  timestampDescription: string;
  /** How each number attribute's decimals are read, with the reason when decided from the column. */
  decimalMarks: DecimalChoice[];
  /** With `deferDecimals`: the marks still to be confirmed by the caller's pass over the file. */
  pendingDecimals: PendingDecimal[];
}

export type PrepareImportResult =
  { ok: true; prepared: PreparedImport } | { ok: false; file: SourceFile; issues: MappingIssue[] };

export interface PrepareImportOptions {
  path: string;
  mapping: Mapping;
  /** The code page Excel writes on this computer, for an `auto` encoding (see `SniffOptions`). */
  systemCodePage?: string;
  /** Zone for timestamps without an offset when the mapping names none (default: the computer's). */
  zone?: string;
  /** "Now" for the timestamp range check; a job keeps its own so a resume converts alike. */
  now: number;
  signal?: AbortSignal;
  /**
   * Take the sample rows' decimal marks for now and leave the whole column to the caller, which
   * reads the file anyway (`validateFile`), instead of reading it once more here.
   */
  deferDecimals?: boolean;
}

/** How a decided format is written in a mapping file, so the decision can be stored and reused. */
function formatName(format: ResolvedTimestampFormat): string {
  return format.kind === 'pattern' ? format.pattern : format.kind;
}

/** A detector of one column (timestamp format or decimal mark), fed the column's values. */
interface ColumnDetector {
  index: number;
  observe(value: string): void;
  /** True once no later value can change what it decides. */
  readonly settled: boolean;
}

/**
 * Feeds the whole file to the detectors the sample rows left open, in one fast extra pass for all
 * of them, because a value that decides (a day over 12, an amount like `12,5`) may come later in
 * the file. The pass ends early once every detector is settled.
 */
async function readWholeColumns(
  options: PrepareImportOptions,
  file: SourceFile,
  detectors: readonly ColumnDetector[],
): Promise<void> {
  if (detectors.length === 0) return;
  for await (const chunk of readSourceRows(options.path, file)) {
    options.signal?.throwIfAborted();
    for (const row of chunk.rows) {
      for (const detector of detectors) detector.observe(row.cells[detector.index] ?? '');
    }
    if (detectors.every((detector) => detector.settled)) break;
  }
}

/**
 * Decides an `auto` timestamp column's format. The sample rows usually settle it; when they leave
 * day-first versus month-first open, the whole column is read because a value over 12 may come
 * later in the file. Only when the whole file leaves it open is the user asked.
 */
function timestampDetector(
  file: SourceFile,
  index: number,
): ColumnDetector & Decides<FormatResolution> {
  const sampled = createFormatDetector();
  for (const row of file.sampleRows) sampled.observe(row.cells[index] ?? '');
  const fromSample = sampled.result();
  if (fromSample.ok || fromSample.kind !== 'timestamp_day_month_unclear') {
    return { index, observe: () => {}, settled: true, result: () => fromSample };
  }
  const whole = createFormatDetector();
  return { index, observe: whole.observe, settled: false, result: whole.result };
}

/**
 * Decides an automatic decimal mark from the whole column: the sample rows settle it only when
 * they hold a value that only the point reads; otherwise a later `12,5` or `1.5` could decide.
 */
function decimalDetector(file: SourceFile, index: number): DecimalColumnDetector {
  const detector = createDecimalDetector();
  for (const row of file.sampleRows) detector.observe(row.cells[index] ?? '');
  const fromSample = detector.result();
  if (detector.settled) {
    return { index, observe: () => {}, settled: true, result: detector.result, fromSample };
  }
  // The sample rows were read from the start of the file, so the whole pass reads them again.
  const whole = createDecimalDetector();
  return {
    index,
    observe: whole.observe,
    get settled() {
      return whole.settled;
    },
    result: whole.result,
    fromSample,
  };
}

/** A decimal mark detector of one column, and what the sample rows alone decided. */
export interface DecimalColumnDetector extends ColumnDetector, Decides<DecimalDecision> {
  fromSample: DecimalDecision;
}

/**
 * A decimal mark the sample rows left open, taken for now (`provisional`) while validation feeds
 * the whole column to `detector` in its own pass (see `validateFile`).
 */
export interface PendingDecimal {
  owner: AttributeOwner;
  key: string;
  provisional: DecimalMark;
  detector: DecimalColumnDetector;
}

interface Decides<T> {
  result(): T;
}

type AttributeOwner = DecimalChoice['owner'];

/** The number attributes of a mapping whose decimal mark is left to the column, by owner and key. */
function automaticNumbers(
  mapping: Mapping,
): { owner: AttributeOwner; key: string; column: string }[] {
  const found: { owner: AttributeOwner; key: string; column: string }[] = [];
  for (const owner of ['customerData', 'contactData'] as const) {
    for (const [key, source] of Object.entries(mapping[owner] ?? {})) {
      if ('column' in source && source.type === 'number' && source.decimal === undefined) {
        found.push({ owner, key, column: source.column });
      }
    }
  }
  return found;
}

/** The mapping with `decimal` set on one attribute. */
export function withDecimal(
  mapping: Mapping,
  owner: AttributeOwner,
  key: string,
  mark: DecimalMark,
): Mapping {
  const attributes = mapping[owner] ?? {};
  const source = attributes[key];
  if (source === undefined) return mapping;
  return { ...mapping, [owner]: { ...attributes, [key]: { ...source, decimal: mark } } };
}

/** The decimal mark of every number attribute read from a column, in words, for the screens. */
function decimalChoices(
  given: Mapping,
  decided: Mapping,
  reasons: ReadonlyMap<string, string>,
): DecimalChoice[] {
  const choices: DecimalChoice[] = [];
  for (const owner of ['customerData', 'contactData'] as const) {
    for (const [key, source] of Object.entries(decided[owner] ?? {})) {
      if (!('column' in source) || source.type !== 'number') continue;
      const mark = source.decimal ?? 'point';
      const automatic = given[owner]?.[key]?.decimal === undefined;
      const description = reasons.get(`${owner}.${key}`) ?? describeDecimalMark(mark, automatic);
      choices.push({ owner, key, column: source.column, mark, automatic, description });
    }
  }
  return choices;
}

/**
 * Opens a file with a mapping: detects (or takes from `mapping.source`) its encoding, delimiter
 * and header, decides the timestamp format and the decimal marks left to the columns, and binds the mapping to the header. Problems that
 * would affect every row come back as mapping issues; an unreadable file throws a `ReadError`.
 */
export async function prepareImport(options: PrepareImportOptions): Promise<PrepareImportResult> {
  // A header row the mapping leaves out is the sniff's: the first row that is not blank, with a
  // suggestion when title or key;value lines stand above the table.
  const source = { ...fileSettings(options.mapping), headerRow: options.mapping.source?.headerRow };
  const file = await sniffSource(options.path, source, { systemCodePage: options.systemCodePage });
  let mapping = options.mapping;
  let detectedDescription: string | null = null;

  const timestamp = mapping.timestamp;
  const format = timestamp.format?.trim().toLowerCase() ?? 'auto';
  const timestampIndex =
    'column' in timestamp && format === 'auto' ? findColumn(file.header, timestamp.column) : -1;
  const timestampDecision = timestampIndex === -1 ? null : timestampDetector(file, timestampIndex);
  const numbers = automaticNumbers(mapping).flatMap((number) => {
    const index = findColumn(file.header, number.column);
    return index === -1 ? [] : [{ ...number, detector: decimalDetector(file, index) }];
  });
  // Deferred marks are decided by the caller's own pass over the file (validation), not one more.
  const deferred = options.deferDecimals === true;
  const decimalPass = deferred ? [] : numbers.map((number) => number.detector);
  const open = [timestampDecision, ...decimalPass].filter(
    (detector): detector is NonNullable<typeof detector> => detector !== null && !detector.settled,
  );
  await readWholeColumns(options, file, open);

  if (timestampDecision !== null && 'column' in timestamp) {
    const decided = timestampDecision.result();
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
  const reasons = new Map<string, string>();
  const pendingDecimals: PendingDecimal[] = [];
  for (const { owner, key, detector } of numbers) {
    const pending = deferred && !detector.settled;
    const decided = pending ? detector.fromSample : detector.result();
    if (pending) pendingDecimals.push({ owner, key, provisional: decided.mark, detector });
    mapping = withDecimal(mapping, owner, key, decided.mark);
    reasons.set(`${owner}.${key}`, decided.description);
  }
  const decimalMarks = decimalChoices(options.mapping, mapping, reasons);

  const prepared = prepareConversion(file.header, mapping, {
    zone: options.zone,
    now: options.now,
  });
  if (!prepared.ok) return { ok: false, file, issues: prepared.issues };
  const { converter } = prepared;
  const timestampDescription = detectedDescription ?? converter.timestampDescription;
  return {
    ok: true,
    prepared: { file, converter, mapping, timestampDescription, decimalMarks, pendingDecimals },
  };
}
