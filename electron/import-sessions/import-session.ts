import type { AlreadySent } from '../../shared/already-sent';
import type { Ledger } from '../engine/ledger/ledger';
import type { DecimalChoice } from '../../shared/decimal-detect';
import type { RowConverter } from '../../shared/convert';
import type {
  FilePreview,
  ReviewRow,
  ReviewSummary,
  RowsResponse,
  RowsView,
  ValidateResponse,
  ValidationProgressInfo,
} from '../../shared/ipc-import';
import type { RowIssue } from '../../shared/issues';
import type { FileSource, Mapping } from '../../shared/mapping';
import { emptyRowEdits, type RowEdits } from '../engine/validation/import-edits';
import { RowSet } from '../engine/journal/journal-ranges';
import { sniffSource, type SourceFile } from '../engine/reading/source/source';
import {
  validateFile,
  type CheckedRow,
  type ValidationResult,
} from '../engine/validation/validate';
import { pinSource, toFilePreview } from './file-preview';
import { ReviewCounts, verdictOf, verdictOfCheck, type RowVerdict } from './review-counts';
import { RowIndex, SortedRows } from './row-index';
import { readByNumber, readByPosition, type ValidatedFile } from './session-reader';

interface Validation extends ValidatedFile {
  mapping: Mapping;
  converter: RowConverter;
  timestampDescription: string;
  decimalMarks: DecimalChoice[];
  /** What the duplicate guard found, when validated against a destination's ledger. */
  alreadySent: AlreadySent | null;
  counts: ReviewCounts;
  /** Rows with a problem when validated, and every row edited since: the "problems" view. */
  problems: SortedRows;
}

/** What a job needs from a reviewed file. */
export interface JobInput {
  path: string;
  fileName: string;
  mapping: Mapping;
  edits: RowEdits;
  expected: { dataRows: number; events: number };
}

/**
 * One file opened in the import wizard: how it is read, its validation with a mapping, and what the
 * person changed in the review (cells typed over, rows skipped). The file itself is never changed;
 * memory holds the read index (a few numbers per 600 rows), the problem rows' numbers and the edits.
 */
export class ImportSession {
  private validation: Validation | null = null;
  private running: AbortController | null = null;
  private readonly overrides = new Map<number, Map<number, string>>();
  /** Rows skipped one by one, with whether each could be sent (for the counts). */
  private readonly skipped = new Map<number, boolean>();
  private skipProblems = false;
  /** Rows the server refused in the last upload, with its message. */
  private refused = new Map<number, string>();
  /** Cells pasted on the Import screen (kept as a file), not a file the person chose. */
  pasted = false;

  private constructor(
    readonly id: string,
    readonly path: string,
    private file: SourceFile,
    /** The code page Excel writes on this computer, for detecting an encoding. */
    private readonly systemCodePage: string | undefined,
  ) {}

  /** Sniffs the file; throws a `ReadError` (plain message) when it is not a readable text table. */
  static async open(
    id: string,
    path: string,
    source: FileSource = {},
    systemCodePage?: string,
  ): Promise<ImportSession> {
    const file = await sniffSource(path, source, { systemCodePage });
    return new ImportSession(id, path, file, systemCodePage);
  }

  get fileName(): string {
    return this.file.fileName;
  }

  get header(): readonly string[] {
    return this.file.header;
  }

  preview(): FilePreview {
    return toFilePreview(this.file, this.pasted);
  }

  /** Reads the file again with other settings; a new reading forgets the validation and edits. */
  async configure(source: FileSource): Promise<FilePreview> {
    this.file = await sniffSource(this.path, source, { systemCodePage: this.systemCodePage });
    this.running?.abort();
    this.validation = null;
    this.overrides.clear();
    this.skipped.clear();
    this.skipProblems = false;
    this.refused.clear();
    return this.preview();
  }

  /** Validates every row with the mapping (a new call stops one under way). */
  async validate(
    mapping: Mapping,
    onProgress: (progress: ValidationProgressInfo) => void,
    now: number,
    ledger?: Ledger,
  ): Promise<ValidateResponse> {
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    this.validation = null;
    let index = new RowIndex();
    let counts = new ReviewCounts();
    let problems = new SortedRows();
    let validated: ValidationResult;
    try {
      validated = await validateFile({
        path: this.path,
        mapping: pinSource(mapping, this.file),
        now,
        signal: abort.signal,
        edits: this.edits(),
        // The review shows every issue of a page's rows when it reads them; none are kept here.
        maxIssues: 0,
        ledger,
        onRow: (checked, check) => {
          const verdict = verdictOfCheck(check);
          counts.count(verdict);
          const row = checked.row;
          if (verdict.status !== 'ok' || this.overrides.has(row)) problems.push(row);
          // Skips survive a new validation (a changed mapping); whether each row could be sent may not.
          if (this.skipped.has(row)) this.skipped.set(row, verdict.status !== 'error');
        },
        // The whole file decided a decimal mark other than its first rows: the review starts again.
        onRestart: () => {
          index = new RowIndex();
          counts = new ReviewCounts();
          problems = new SortedRows();
        },
        onProgress: (progress) => {
          index.add(progress.bytesRead, progress.nextRowNumber, progress.rowsRead);
          onProgress({
            sessionId: this.id,
            rowsRead: progress.rowsRead,
            bytesRead: progress.bytesRead,
            fileSize: progress.fileSize,
          });
        },
      });
    } catch (error) {
      if (abort.signal.aborted) return { result: 'cancelled' };
      throw error;
    }
    if (abort.signal.aborted) return { result: 'cancelled' };
    if (!validated.ok) return { result: 'mapping', issues: validated.issues };
    this.running = null;
    this.validation = {
      path: this.path,
      file: validated.file,
      converter: validated.converter,
      mapping: validated.mapping,
      timestampDescription: validated.summary.timestampDescription,
      decimalMarks: validated.summary.decimalMarks,
      alreadySent: validated.summary.alreadySent ?? null,
      index,
      counts,
      problems,
    };
    return { result: 'valid', summary: this.summary() };
  }

  private validated(): Validation {
    if (!this.validation) throw new Error('The file has not been validated yet.');
    return this.validation;
  }

  summary(): ReviewSummary {
    const v = this.validated();
    const { counts } = v;
    let skippedValid = 0;
    for (const valid of this.skipped.values()) if (valid) skippedValid += 1;
    const skippedInvalid = this.skipped.size - skippedValid;
    return {
      totalRows: counts.total,
      validRows: counts.valid,
      invalidRows: counts.invalid,
      warnedRows: counts.warned,
      issueCounts: counts.kinds,
      skippedRows: this.skipped.size + (this.skipProblems ? counts.invalid - skippedInvalid : 0),
      editedRows: this.overrides.size,
      readyRows: counts.valid - skippedValid,
      skipProblems: this.skipProblems,
      refusedRows: this.refused.size,
      timestampDescription: v.timestampDescription,
      decimalMarks: v.decimalMarks,
      zone: v.converter.zone,
      alreadySent: v.alreadySent,
    };
  }

  /** A page of the review table. */
  async rows(view: RowsView, offset: number, limit: number): Promise<RowsResponse> {
    const v = this.validated();
    if (view === 'all') {
      const checked = await readByPosition(v, offset, limit, this.edits());
      return {
        total: v.counts.total,
        rows: checked.map((c, i) => this.toReviewRow(c, offset + i)),
      };
    }
    const list = view === 'problems' ? v.problems.values() : [...this.refused.keys()];
    const wanted = list.slice(offset, offset + limit);
    const checked = await readByNumber(v, wanted, this.edits());
    return { total: list.length, rows: checked.map((c, i) => this.toReviewRow(c, offset + i)) };
  }

  /** Types over one cell (the same text as the file's takes the change back) and re-checks the row. */
  async editCell(
    row: number,
    column: number,
    value: string,
  ): Promise<{ row: ReviewRow | null; summary: ReviewSummary }> {
    const v = this.validated();
    const [before] = await readByNumber(v, [row], this.edits());
    if (!before || column >= Math.max(v.file.header.length, before.row.cells.length)) {
      return { row: null, summary: this.summary() };
    }
    const [original] = await readByNumber(v, [row], emptyRowEdits());
    const changes = this.overrides.get(row) ?? new Map<number, string>();
    if (original?.row.cells[column] === value) changes.delete(column);
    else changes.set(column, value);
    if (changes.size > 0) this.overrides.set(row, changes);
    else this.overrides.delete(row);

    const [after] = await readByNumber(v, [row], this.edits());
    if (!after) return { row: null, summary: this.summary() };
    const old = verdictOf(before);
    const now = verdictOf(after);
    v.counts.count(old, -1);
    v.counts.count(now, 1);
    v.problems.insert(row);
    if (this.skipped.has(row)) this.skipped.set(row, now.status !== 'error');
    const position = v.problems.values().indexOf(row);
    return { row: this.toReviewRow(after, position), summary: this.summary() };
  }

  /** Skips rows (or takes a skip back); `problems` skips every row that cannot be sent. */
  async skipRows(rows: readonly number[] | 'problems', skip: boolean): Promise<ReviewSummary> {
    const v = this.validated();
    if (rows === 'problems') {
      this.skipProblems = skip;
      if (!skip) for (const [row, valid] of this.skipped) if (!valid) this.skipped.delete(row);
      return this.summary();
    }
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    if (!skip) {
      for (const row of sorted) this.skipped.delete(row);
      return this.summary();
    }
    for (const checked of await readByNumber(v, sorted, this.edits())) {
      this.skipped.set(checked.row.row, checked.event !== null);
    }
    return this.summary();
  }

  /** Rows the server refused in the last upload: they come back into the review. */
  setRefused(refused: ReadonlyMap<number, string>): void {
    this.refused = new Map([...refused].sort(([a], [b]) => a - b));
  }

  /** Rows that will not be sent (problems, skipped), with why and their cells as edited. */
  async rejectedRows(): Promise<{ row: number; error: string; cells: string[] }[]> {
    const v = this.validated();
    const wanted = new Set<number>(v.problems.values());
    for (const row of this.skipped.keys()) wanted.add(row);
    const checked = await readByNumber(
      v,
      [...wanted].sort((a, b) => a - b),
      this.edits(),
    );
    const result: { row: number; error: string; cells: string[] }[] = [];
    for (const c of checked) {
      const explicit = this.skipped.has(c.row.row);
      if (c.event && !explicit) continue;
      const errors = c.issues.filter((issue) => issue.severity === 'error');
      const why = errors.map((issue) => issue.message).join(' ');
      const error = explicit || this.skipProblems ? `Skipped in the review. ${why}`.trim() : why;
      result.push({ row: c.row.row, error, cells: c.row.cells });
    }
    return result;
  }

  /** What a job of this file sends: every ready row, or only the rows the server refused. */
  jobInput(rows: 'all' | 'refused'): JobInput {
    const v = this.validated();
    const edits = this.edits();
    let events = this.summary().readyRows;
    if (rows === 'refused') {
      edits.only = new RowSet();
      edits.only.add([...this.refused.keys()].map((row): [number, number] => [row, row]));
      events = this.refused.size;
    }
    return {
      path: this.path,
      fileName: this.file.fileName,
      mapping: v.mapping,
      edits,
      expected: { dataRows: v.counts.total, events },
    };
  }

  private edits(): RowEdits {
    const edits = emptyRowEdits();
    edits.overrides = this.overrides;
    edits.skip.add([...this.skipped.keys()].sort((a, b) => a - b).map((r) => [r, r]));
    return edits;
  }

  private toReviewRow(checked: CheckedRow, position: number): ReviewRow {
    const row = checked.row.row;
    const verdict: RowVerdict = verdictOf(checked);
    const issues: RowIssue[] = [...checked.issues];
    const refusal = this.refused.get(row);
    if (refusal !== undefined) {
      issues.push({
        row,
        column: null,
        kind: 'rejected_by_server',
        severity: 'warning',
        message: `The server refused this row in the last upload: ${refusal}`,
      });
    }
    const explicit = this.skipped.has(row);
    return {
      position,
      row,
      cells: checked.row.cells,
      edited: [...(this.overrides.get(row)?.keys() ?? [])].sort((a, b) => a - b),
      skipped: explicit || (this.skipProblems && verdict.status === 'error'),
      status: refusal !== undefined && verdict.status === 'ok' ? 'warning' : verdict.status,
      issues,
    };
  }
}
