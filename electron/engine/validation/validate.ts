import type { DecimalChoice } from '../../../shared/decimal-detect';
import type { IssueKind, MappingIssue, RowIssue } from '../../../shared/issues';
import type { Mapping } from '../../../shared/mapping';
import type { TrackEvent } from '../../../shared/api';
import type { RowCheck, RowConverter } from '../../../shared/convert';
import { withEventSize } from './event-size';
import { applyOverrides, type RowEdits } from './import-edits';
import { prepareImport, withDecimal, type PendingDecimal } from './prepare';
import type { DataRow } from '../reading/reader';
import { readSourceRows, type SourceFile } from '../reading/source/source';
import type { TypedCells } from '../../../shared/typed-cells';
import type { AlreadySent } from '../../../shared/already-sent';
import { FingerprintList } from '../ledger/fingerprint-list';
import type { Ledger, LedgerLookup } from '../ledger/ledger';

/** How far a validation has got; sent after each chunk of the file. */
export interface ValidationProgress {
  rowsRead: number;
  bytesRead: number;
  fileSize: number;
  /** The row number after the chunk: with `bytesRead`, where reading can start again. */
  nextRowNumber: number;
}

/** The counts a person sees after validating, and the first issues in row order. */
export interface ValidationSummary {
  totalRows: number;
  validRows: number;
  invalidRows: number;
  /** Rows that will be sent but carry a warning (e.g. contact attributes without a contact). */
  warnedRows: number;
  issueCounts: Partial<Record<IssueKind, number>>;
  /** The first `maxIssues` issues, in row order. */
  issues: RowIssue[];
  /** How many issues were counted but not kept in `issues`. */
  moreIssues: number;
  timestampDescription: string;
  /** How each number attribute's decimals are read (decided from its column when automatic). */
  decimalMarks: DecimalChoice[];
  zone: string;
  /** With a ledger: the valid rows' events sent (or maybe sent) to its destination before. */
  alreadySent?: AlreadySent;
}

export type ValidationResult =
  | {
      ok: true;
      file: SourceFile;
      mapping: Mapping;
      /** The mapping bound to the file, for reading its rows again later (pages of the review). */
      converter: RowConverter;
      summary: ValidationSummary;
      /** With a ledger: which rows (by `fingerprints.row(i)`) were sent before, and by whom. */
      guard?: { fingerprints: FingerprintList; found: LedgerLookup };
    }
  | { ok: false; file: SourceFile; issues: MappingIssue[] };

/** One row's verdict, handed to callers that act on rows as they are read (send, report). */
export interface CheckedRow {
  row: DataRow;
  event: TrackEvent | null;
  issues: RowIssue[];
}

export interface ValidateOptions {
  path: string;
  mapping: Mapping;
  /** The code page Excel writes on this computer, for an `auto` encoding (see `SniffOptions`). */
  systemCodePage?: string;
  zone?: string;
  now: number;
  signal?: AbortSignal;
  onProgress?: (progress: ValidationProgress) => void;
  /** Called once the file is open and the mapping fits it, before the first row. */
  onOpened?: (file: SourceFile) => void | Promise<void>;
  /** Called for each row that cannot be sent, with its cells (for the rejected-rows report). */
  onInvalidRow?: (checked: CheckedRow) => void | Promise<void>;
  /** Called for every row with its verdict, in file order (the review keeps its own counts). */
  onRow?: (row: DataRow, check: RowCheck) => void;
  /** Cells a person typed over in the review, applied before checking; skips are the caller's. */
  edits?: RowEdits;
  /** How many issues to keep for display; all are counted. Default 1,000. */
  maxIssues?: number;
  /**
   * Called before the file is validated a second time, because the whole file decided a decimal
   * mark other than its first rows did (rare): whatever the callbacks gathered starts again.
   */
  onRestart?: () => void | Promise<void>;
  /**
   * The duplicate guard's ledger for where the events would go: valid rows are converted and
   * fingerprinted, and the summary says how many were sent before (`alreadySent`).
   */
  ledger?: Ledger;
}

/** Rows of a chunk that the reader already found broken (wrong number of values), with their issues. */
function issuesByRow(issues: readonly RowIssue[]): Map<number, RowIssue[]> {
  const byRow = new Map<number, RowIssue[]>();
  for (const issue of issues) {
    const list = byRow.get(issue.row);
    if (list) list.push(issue);
    else byRow.set(issue.row, [issue]);
  }
  return byRow;
}

/**
 * Whether a row the reader found broken is still broken once edited: an override can fill the
 * cells a short row lacks, and then the row is whole again. A row swallowed by a quote that never
 * closes stays broken: its cells are only a guess at the lines the quote swallowed.
 */
function stillBroken(
  read: DataRow,
  edited: DataRow,
  file: SourceFile,
  issues: readonly RowIssue[],
): boolean {
  if (issues.some((issue) => issue.kind === 'unclosed_quote')) return true;
  return edited === read || edited.cells.length !== file.header.length;
}

/**
 * Reads rows of a prepared file and converts each: rows the reader found broken are not converted.
 * `edits` (cells a person typed over in the review) are applied before converting, and the rows
 * yielded carry the changed cells.
 * Yields every row with its event (null when it cannot be sent) and issues, chunk by chunk, together
 * with where the chunk ended, so that sending and resuming share one definition of a valid row.
 * For sending and for reading a few rows again (a page of the review); validating a whole file
 * goes through `validateFile`, which builds no events.
 */
export async function* checkRows(
  path: string,
  file: SourceFile,
  convert: (
    cells: readonly string[],
    row: number,
    typed: TypedCells | undefined,
  ) => { event: TrackEvent | null; issues: RowIssue[] },
  resumeFrom?: { byteOffset: number; rowNumber: number },
  edits?: RowEdits,
): AsyncGenerator<{ rows: CheckedRow[]; endByteOffset: number; nextRowNumber: number }> {
  for await (const chunk of readSourceRows(path, file, resumeFrom)) {
    const broken = chunk.issues.length > 0 ? issuesByRow(chunk.issues) : null;
    const rows: CheckedRow[] = [];
    for (const read of chunk.rows) {
      const row = applyOverrides(read, edits);
      const readIssues = broken?.get(row.row);
      if (readIssues && stillBroken(read, row, file, readIssues)) {
        rows.push({ row, event: null, issues: readIssues });
        continue;
      }
      const { event, issues } = convert(row.cells, row.row, row.typed);
      rows.push({ row, event, issues });
    }
    yield { rows, endByteOffset: chunk.endByteOffset, nextRowNumber: chunk.nextRowNumber };
  }
}

/**
 * Validates a whole file with a mapping in one streaming pass: counts valid, invalid and warned
 * rows, counts issues by kind and keeps the first ones. Memory is bounded by one chunk of rows plus
 * the kept issues, whatever the file's size. An unreadable file throws a `ReadError`; an aborted
 * `signal` throws its reason. The one validation pass of both the CLI's `validate` and the import
 * wizard, which builds its review (counts, problem rows, row index) from `onRow` and `onProgress`.
 */
export async function validateFile(options: ValidateOptions): Promise<ValidationResult> {
  // Decimal marks the first rows leave open are confirmed by this pass itself, not one more.
  const opened = await prepareImport({ ...options, deferDecimals: true });
  if (!opened.ok) return opened;
  const { file, converter, mapping, timestampDescription, decimalMarks, pendingDecimals } =
    opened.prepared;
  const maxIssues = options.maxIssues ?? 1000;
  await options.onOpened?.(file);

  const summary: ValidationSummary = {
    totalRows: 0,
    validRows: 0,
    invalidRows: 0,
    warnedRows: 0,
    issueCounts: {},
    issues: [],
    moreIssues: 0,
    timestampDescription,
    decimalMarks,
    zone: converter.zone,
  };

  // Not through `checkRows`: validation needs no events, and building them (and keeping a chunk's
  // worth alive until the chunk is done) is over a tenth of the time on a big file. Only the
  // duplicate guard needs them, one at a time, for their fingerprints.
  const fingerprints = options.ledger ? new FingerprintList() : null;
  for await (const chunk of readSourceRows(options.path, file)) {
    options.signal?.throwIfAborted();
    const broken = chunk.issues.length > 0 ? issuesByRow(chunk.issues) : null;
    for (const read of chunk.rows) {
      const row = applyOverrides(read, options.edits);
      const readIssues = broken?.get(row.row);
      const check: RowCheck =
        readIssues && stillBroken(read, row, file, readIssues)
          ? { valid: false, issues: readIssues }
          : checkRow(row, fingerprints);
      options.onRow?.(row, check);
      // The file's own cells, as a send decides the mark from them (prepareImport).
      for (const pending of pendingDecimals) {
        pending.detector.observe(read.cells[pending.detector.index] ?? '');
      }
      const { valid, issues } = check;
      summary.totalRows += 1;
      if (valid) {
        summary.validRows += 1;
        if (issues.length > 0) summary.warnedRows += 1;
      } else {
        summary.invalidRows += 1;
        await options.onInvalidRow?.({ row, event: null, issues });
      }
      for (const issue of issues) {
        summary.issueCounts[issue.kind] = (summary.issueCounts[issue.kind] ?? 0) + 1;
        if (summary.issues.length < maxIssues) summary.issues.push(issue);
        else summary.moreIssues += 1;
      }
    }
    options.onProgress?.({
      rowsRead: summary.totalRows,
      bytesRead: chunk.endByteOffset,
      fileSize: file.fileSize,
      nextRowNumber: chunk.nextRowNumber,
    });
  }
  const guard = await lookUp(options.ledger, fingerprints, summary);
  const result = { ok: true as const, file, mapping, converter, summary, ...guard };
  if (pendingDecimals.length === 0) return result;
  return confirmDecimals(options, result, pendingDecimals);

  /**
   * The row's check, an event too large for a request included; with the guard, the event is
   * built and fingerprinted on the way, once it is known to be sendable.
   */
  function checkRow(row: DataRow, list: FingerprintList | null): RowCheck {
    if (list === null) {
      return withEventSize(converter.check(row.cells, row.row, row.typed), row, converter);
    }
    const { event, issues } = converter.convert(row.cells, row.row, row.typed);
    const check = withEventSize({ valid: event !== null, issues }, row, converter);
    if (event !== null && check.valid) list.add(row.row, event);
    return check;
  }
}

/** The guard's lookup of a validated file's events, counted into its summary. */
async function lookUp(
  ledger: Ledger | undefined,
  fingerprints: FingerprintList | null,
  summary: ValidationSummary,
): Promise<{ guard?: { fingerprints: FingerprintList; found: LedgerLookup } }> {
  if (ledger === undefined || fingerprints === null) return {};
  const found = await ledger.lookup(fingerprints);
  summary.alreadySent = found.summary;
  return { guard: { fingerprints, found } };
}

/**
 * After a pass that fed the whole columns to the pending decimal detectors: the marks they decided,
 * with their reasons, in the summary; and when one differs from the first rows' (a `12,5` after
 * a hundred rows of `1.234`), the file validated again with the whole columns' marks.
 */
async function confirmDecimals(
  options: ValidateOptions,
  first: Extract<ValidationResult, { ok: true }>,
  pendingDecimals: readonly PendingDecimal[],
): Promise<ValidationResult> {
  let mapping = first.mapping;
  const changed = pendingDecimals.some((p) => p.detector.result().mark !== p.provisional);
  const decimalMarks = first.summary.decimalMarks.map((choice) => {
    const pending = pendingDecimals.find((p) => p.owner === choice.owner && p.key === choice.key);
    if (pending === undefined) return choice;
    const { mark, description } = pending.detector.result();
    mapping = withDecimal(mapping, pending.owner, pending.key, mark);
    return { ...choice, mark, description };
  });
  if (!changed) return { ...first, summary: { ...first.summary, decimalMarks } };
  await options.onRestart?.();
  const again = await validateFile({ ...options, mapping });
  // The second run reads the marks as pinned; they were decided from the columns all the same.
  return again.ok ? { ...again, summary: { ...again.summary, decimalMarks } } : again;
}
