import { readFile } from 'node:fs/promises';
import { jobHeaderSchema, journalRecordSchema } from './journal-records';
import type { JobHeader, JobState, JournalRecord } from './journal-records';
import { countRows, rangesFrom, RowSet, subtractRanges, toRanges } from './journal-ranges';
import type { RowRange } from './journal-ranges';

/** A batch that was announced but whose rows are not all settled: they must be sent (again). */
export interface OpenBatch {
  batch: number;
  /** Every row of the batch, as announced. */
  rows: RowRange[];
  /** Its rows still to send (not accepted, not rejected, not below the low-water mark). */
  pending: RowRange[];
  /** Body length and SHA-256 as first sent: rebuilding the same rows should give the same bytes. */
  bytes: number;
  sha256: string;
  attempts: number;
  /** No result was recorded: the request may have reached the server (possible duplicates). */
  outcomeUnknown: boolean;
}

/** A row that was not sent, with every reason recorded for it (joined) and its cells if known. */
export interface RejectedRow {
  row: number;
  message: string;
  cells: string[] | null;
}

export interface JournalCounts {
  acceptedRows: number;
  /** Rows not sent because invalid or refused (not those skipped as already sent). */
  rejectedRows: number;
  /** Rows the duplicate guard skipped: their events were sent before. */
  alreadySentRows: number;
  /** Rows of open batches still to send. */
  pendingRows: number;
  /** Rows sent at least once with an unknown outcome and not rejected: the server may hold them twice. */
  possibleDuplicateRows: number;
  batches: number;
  attempts: number;
}

/** What a journal says about its job, rebuilt from its lines. */
export interface JournalState {
  /** Null when the first line is missing or unreadable (the job never really started). */
  header: JobHeader | null;
  /** Everything below `row` (starting at byte `offset` of the file) is settled. */
  lowWater: { offset: number; row: number };
  /** Accepted rows at or beyond the low-water mark: skip them when resuming. */
  confirmedBeyondLowWater: RowRange[];
  /** Accepted or rejected rows at or beyond the low-water mark. */
  settledBeyondLowWater: RowRange[];
  openBatches: OpenBatch[];
  /** Sorted by row. */
  rejected: RejectedRow[];
  counts: JournalCounts;
  /** The last state record, if any (a job that crashed while running still says `running`). */
  state: { state: JobState; reason: string | null; at: number } | null;
  nextBatchId: number;
  /** Time of the last record (ms), or null when there is none after the header. */
  updatedAt: number | null;
  /** Bytes of complete lines: anything after them is a torn write, cut off before appending. */
  validBytes: number;
  /** Complete lines that could not be read (corruption; torn last lines are not counted). */
  skippedLines: number;
  /** Number (1-based) of the first of them, or null when every complete line was read. */
  firstSkippedLine: number | null;
}

interface BatchInfo {
  rows: RowRange[];
  bytes: number;
  sha256: string;
  attempts: number;
  hasResult: boolean;
}

function parseLine<T>(line: string, parse: (value: unknown) => T | null): T | null {
  try {
    return parse(JSON.parse(line));
  } catch {
    return null;
  }
}

/**
 * Rebuilds a job's state from the bytes of its journal. Never throws: a line without its final
 * newline is a write torn by a crash or power loss and is ignored (a record only counts once its
 * whole line, newline included, was synced); a complete line that does not parse is skipped and
 * counted, so that a resume can refuse the journal rather than half-read it (see resumeJournal).
 */
export function parseJournal(data: Uint8Array): JournalState {
  const end = data.lastIndexOf(0x0a) + 1;
  const lines = Buffer.from(data.buffer, data.byteOffset, end).toString('utf8').split('\n');
  lines.pop(); // the empty string after the last newline
  const header =
    lines.length > 0
      ? parseLine(lines[0] ?? '', (v) => jobHeaderSchema.safeParse(v).data ?? null)
      : null;
  const builder = new StateBuilder();
  let skippedLines = 0;
  let firstSkippedLine: number | null = null;
  if (header) {
    // A second header is not a record: it is skipped, like any line that does not fit its schema.
    for (const [index, line] of lines.slice(1).entries()) {
      const record = parseLine(line, (v) => journalRecordSchema.safeParse(v).data ?? null);
      if (record) builder.apply(record);
      else {
        skippedLines += 1;
        firstSkippedLine ??= index + 2;
      }
    }
  }
  return { ...builder.finish(header), validBytes: end, skippedLines, firstSkippedLine };
}

/** Reads and rebuilds a journal file (see `parseJournal`); throws only when the file cannot be read. */
export async function loadJournal(journalPath: string): Promise<JournalState> {
  return parseJournal(await readFile(journalPath));
}

class StateBuilder {
  private readonly batches = new Map<number, BatchInfo>();
  private readonly accepted = new RowSet();
  private readonly doubtful = new RowSet();
  private readonly rejected = new Map<number, { messages: string[]; cells: string[] | null }>();
  private readonly alreadySent = new Set<number>();
  private lowWater = { offset: 0, row: 1 };
  private state: JournalState['state'] = null;
  private updatedAt: number | null = null;
  private attempts = 0;
  private maxBatch = 0;

  apply(record: JournalRecord): void {
    this.updatedAt = record.at;
    switch (record.type) {
      case 'intent':
        this.maxBatch = Math.max(this.maxBatch, record.batch);
        this.batches.set(record.batch, {
          rows: normalize(record.rows),
          bytes: record.bytes,
          sha256: record.sha256,
          attempts: 0,
          hasResult: false,
        });
        return;
      case 'attempt': {
        const batch = this.batches.get(record.batch);
        if (!batch) return;
        batch.attempts = Math.max(batch.attempts, record.n);
        this.attempts += 1;
        return;
      }
      case 'result': {
        const batch = this.batches.get(record.batch);
        if (!batch) return;
        batch.hasResult = true;
        this.accepted.add(record.accepted);
        this.doubtful.add(record.doubtful);
        for (const { row, message } of record.rejected) this.addRejected(row, message, null);
        return;
      }
      case 'lowWater':
        if (record.row > this.lowWater.row)
          this.lowWater = { offset: record.offset, row: record.row };
        return;
      case 'rejected':
        for (const row of record.rows) {
          this.addRejected(row.row, row.message, row.cells ?? null);
          if (row.alreadySent === true) this.alreadySent.add(row.row);
        }
        return;
      case 'state':
        // A state change is a boundary (pause, resume): a batch still without a result here may
        // or may not have reached the server.
        this.markUnansweredDoubtful();
        this.state = { state: record.state, reason: record.reason ?? null, at: record.at };
        return;
    }
  }

  finish(
    header: JobHeader | null,
  ): Omit<JournalState, 'validBytes' | 'skippedLines' | 'firstSkippedLine'> {
    this.markUnansweredDoubtful();
    const rejectedRanges = toRanges(this.rejected.keys());
    const settled = new RowSet();
    settled.add(this.accepted.ranges());
    settled.add(rejectedRanges);
    const settledRanges = settled.ranges();
    const openBatches: OpenBatch[] = [];
    for (const [id, batch] of this.batches) {
      const pending = subtractRanges(rangesFrom(batch.rows, this.lowWater.row), settledRanges);
      if (pending.length === 0) continue;
      openBatches.push({
        batch: id,
        rows: batch.rows,
        pending,
        bytes: batch.bytes,
        sha256: batch.sha256,
        attempts: batch.attempts,
        outcomeUnknown: !batch.hasResult,
      });
    }
    const rejected = [...this.rejected.entries()]
      .sort(([a], [b]) => a - b)
      .map(([row, entry]) => ({ row, message: entry.messages.join('; '), cells: entry.cells }));
    return {
      header,
      lowWater: this.lowWater,
      confirmedBeyondLowWater: rangesFrom(this.accepted.ranges(), this.lowWater.row),
      settledBeyondLowWater: rangesFrom(settledRanges, this.lowWater.row),
      openBatches,
      rejected,
      counts: {
        acceptedRows: this.accepted.size,
        rejectedRows: this.rejected.size - this.alreadySent.size,
        alreadySentRows: this.alreadySent.size,
        pendingRows: openBatches.reduce((sum, b) => sum + countRows(b.pending), 0),
        possibleDuplicateRows: countRows(subtractRanges(this.doubtful.ranges(), rejectedRanges)),
        batches: this.batches.size,
        attempts: this.attempts,
      },
      state: this.state,
      nextBatchId: this.maxBatch + 1,
      updatedAt: this.updatedAt,
    };
  }

  private addRejected(row: number, message: string, cells: string[] | null): void {
    const entry = this.rejected.get(row);
    if (!entry) {
      this.rejected.set(row, { messages: [message], cells });
      return;
    }
    if (!entry.messages.includes(message)) entry.messages.push(message);
    entry.cells ??= cells;
  }

  private markUnansweredDoubtful(): void {
    for (const batch of this.batches.values()) {
      if (!batch.hasResult) this.doubtful.add(batch.rows);
    }
  }
}

function normalize(ranges: readonly RowRange[]): RowRange[] {
  const set = new RowSet();
  set.add(ranges);
  return set.ranges();
}
