import { basename, dirname, join } from 'node:path';
import type { Mapping } from '../../shared/mapping';
import type { MappingIssue } from '../../shared/issues';
import { RATE_LIMIT } from '../../shared/api';
import { systemNow, systemSleep, type Now, type Sleep } from './clock';
import { ProgressTracker, type JobProgress } from './job-progress';
import { writeJobReport } from './job-report';
import { ResumePlan } from './job-resume';
import { WatermarkTracker } from './job-watermark';
import { createJournal, resumeJournal, type JobJournal } from './journal';
import type { JournalState } from './journal-load';
import { createPacer } from './pacer';
import { createPacker, encodeEvent, type PackedBatch } from './pack';
import { prepareImport } from './prepare';
import { createSender, type BatchOutcome, type FetchLike, type SendEvent } from './sender';
import { checkRows } from './validate';
import { hasRowEdits, loadRowEdits, saveRowEdits, type RowEdits } from './import-edits';
import type { RejectedRowRecord } from './journal-records';
import type { SniffResult } from './reader';
import type { RowConverter } from '../../shared/convert';

export type { JobProgress, JobPhase } from './job-progress';

/** "1 event", "2,000 events". */
function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export interface ImportJobOptions {
  path: string;
  mapping: Mapping;
  trackerKey: string;
  endpoint: string;
  /** Used for the requests only: never stored, logged or reported. */
  apiKey: string;
  /** Default: the documented 200 requests per 60 s. */
  rate?: { requests: number; perMs: number };
  /** Where `jobs/<id>/journal.jsonl` lives. */
  dataDir: string;
  /** Zone for timestamps without an offset when the mapping names none (default: the computer's). */
  zone?: string;
  /** Continue this interrupted job instead of starting a new one. */
  resumeJobId?: string;
  /** Write the rejected rows here at the end (CSV, UTF-8 with BOM). */
  reportPath?: string;
  maxInFlight?: number;
  fetch?: FetchLike;
  now?: Now;
  sleep?: Sleep;
  random?: () => number;
  wallNow?: () => number;
  /** Sender limits, for tests and for the CLI's patience. */
  maxAttempts?: number;
  outageThresholdMs?: number;
  onProgress?: (progress: JobProgress) => void;
  /**
   * Cells typed over, rows skipped, or the only rows to consider (see `RowEdits`); kept beside the
   * journal, so a resume applies them again without being given them.
   */
  edits?: RowEdits;
  /** Rows and events the validation counted, kept in the journal so a resume offer can say "x of y". */
  expected?: { dataRows: number; events: number } | null;
}

/** How a job ended: `interrupted` can be resumed (server unavailable, paused by the user and quit). */
export interface JobResult {
  outcome: 'completed' | 'failed' | 'cancelled' | 'interrupted';
  jobId: string | null;
  /** Plain words: what happened and what to do. */
  message: string;
  progress: JobProgress;
  mappingIssues: MappingIssue[];
  reportPath: string | null;
  reportRows: number;
}

export interface ImportJob {
  pause(): void;
  resume(): void;
  /** Stops sending; requests under way are abandoned (their rows count as possible duplicates). */
  cancel(): void;
  /**
   * Stops taking new batches, lets requests under way finish, and ends as `interrupted`: the
   * journal stays open for a resume (Ctrl+C in the CLI, quitting the app).
   */
  interrupt(): void;
  progress(): JobProgress;
  readonly done: Promise<JobResult>;
}

type Stop = { outcome: JobResult['outcome']; message: string };

/** The report's reason for a row the person skipped in the review. */
export const SKIPPED_MESSAGE = 'Skipped in the review: not sent.';

/**
 * Runs one import: streams the file, converts rows with the mapping, packs valid events, sends
 * them through the rate-limited sender, and journals each batch (intent before sending, result
 * after), so that a crash, kill or power loss resumes from the last confirmed batch. The reader is
 * pulled only as fast as batches leave, so memory stays flat whatever the file's size.
 */
export function startImportJob(options: ImportJobOptions): ImportJob {
  const now = options.now ?? systemNow;
  const sleep = options.sleep ?? systemSleep;
  const progress = new ProgressTracker(now, 0);
  const abort = new AbortController();
  let paused = false;
  let waiters: (() => void)[] = [];
  let stop: Stop | null = null;
  let edits: RowEdits | undefined = options.edits;

  const emit = () => options.onProgress?.(progress.snapshot());

  function wakeAll(): void {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  }

  /** Resolves when not paused (or when stopping). */
  async function gate(): Promise<void> {
    while (paused && !stop) await new Promise<void>((resolve) => waiters.push(resolve));
  }

  const job: ImportJob = {
    pause() {
      if (paused || stop) return;
      paused = true;
      progress.setPhase('paused', 'Paused. Requests already under way are finishing.');
      emit();
    },
    resume() {
      if (!paused) return;
      paused = false;
      progress.setPhase('sending', 'Sending events…');
      wakeAll();
      emit();
    },
    cancel() {
      if (stop) return;
      stop = { outcome: 'cancelled', message: 'The import was cancelled.' };
      paused = false;
      wakeAll();
      abort.abort(new Error('cancelled'));
    },
    interrupt() {
      if (stop) return;
      stop = {
        outcome: 'interrupted',
        message:
          'The import was stopped before the end. Nothing was lost: resume it to send the rest.',
      };
      paused = false;
      wakeAll();
    },
    progress: () => progress.snapshot(),
    done: Promise.resolve().then(() => run()),
  };

  async function run(): Promise<JobResult> {
    let journal: JobJournal | null = null;
    let state: JournalState | null = null;
    let createdAt = (options.wallNow ?? Date.now)();
    let zone = options.zone;
    let mapping = options.mapping;

    if (options.resumeJobId) {
      const resumed = await resumeJournal({
        dataDir: options.dataDir,
        jobId: options.resumeJobId,
        mapping: options.mapping,
      });
      journal = resumed.journal;
      state = resumed.state;
      edits ??= await loadRowEdits(dirname(journal.path));
      const { settings } = journal.header;
      createdAt = Date.parse(journal.header.createdAt);
      zone = settings.zone;
      // Read the file exactly as the first run did.
      mapping = {
        ...mapping,
        source: {
          encoding: settings.encoding,
          delimiter: settings.delimiter as ',' | ';' | '\t' | '|',
          headerRow: settings.headerRow,
        },
      };
    }

    const opened = await prepareImport({ path: options.path, mapping, zone, now: createdAt });
    if (!opened.ok) {
      await journal?.close();
      return finish(
        null,
        {
          outcome: 'failed',
          message:
            'The mapping does not fit this file: ' + opened.issues.map((i) => i.message).join(' '),
        },
        opened.issues,
      );
    }
    const { file, converter } = opened.prepared;
    progress.value.fileSize = file.fileSize;

    journal ??= await createJournal({
      dataDir: options.dataDir,
      filePath: options.path,
      mapping: options.mapping,
      settings: {
        encoding: file.encoding,
        delimiter: file.delimiter,
        headerRow: file.headerRow,
        zone: converter.zone,
        trackerKey: options.trackerKey,
        endpoint: options.endpoint,
      },
      now: () => createdAt,
      expected: options.expected ?? null,
    });
    if (!options.resumeJobId && edits && hasRowEdits(edits)) {
      await saveRowEdits(dirname(journal.path), edits);
    }
    if (!options.resumeJobId) await journal.setState('running');
    progress.value.jobId = journal.jobId;
    if (state) {
      progress.value.eventsSent = state.counts.acceptedRows;
      progress.value.rejectedRows = state.counts.rejectedRows;
      progress.value.possibleDuplicates = state.counts.possibleDuplicateRows;
    }
    return send(journal, state, file, converter);
  }

  async function send(
    journal: JobJournal,
    state: JournalState | null,
    file: SniffResult,
    converter: RowConverter,
  ): Promise<JobResult> {
    const trackerKey = options.trackerKey;
    const rate = options.rate ?? { requests: RATE_LIMIT.requests, perMs: RATE_LIMIT.perMs };
    const maxInFlight = options.maxInFlight ?? 4;
    const pacer = createPacer({ ...rate, maxInFlight, now, sleep });
    const sender = createSender({
      endpoint: options.endpoint,
      apiKey: options.apiKey,
      fetch: options.fetch ?? (fetch as unknown as FetchLike),
      pacer,
      now,
      sleep,
      random: options.random,
      wallNow: options.wallNow,
      maxAttempts: options.maxAttempts,
      outageThresholdMs: options.outageThresholdMs,
      onEvent: onSendEvent,
    });
    const plan = new ResumePlan(state);
    const start = state && state.lowWater.offset > 0 ? state.lowWater : null;
    const marks = new WatermarkTracker(start ?? { offset: 0, row: 1 });
    const packer = createPacker({ trackerKey });
    const inFlight = new Set<Promise<void>>();
    let journalFailure: unknown = null;

    progress.setPhase('sending', 'Sending events…');
    emit();

    function onSendEvent(event: SendEvent): void {
      if (event.type === 'attempt') {
        progress.value.requests += 1;
        if (event.attempt > 1) progress.value.retries += 1;
        progress.resumeSending();
      } else if (event.type === 'retry') {
        const until = event.until;
        if (event.reason === 'rate_limited') {
          progress.setPhase('waiting_rate_limit', "Waiting: the server's rate limit", until);
        } else if (event.reason === 'server_error') {
          progress.setPhase('retrying', 'The server had a problem; retrying shortly', until);
        } else {
          progress.setPhase('retrying', 'Retrying after a network error', until);
        }
      }
      emit();
    }

    async function settle(batchId: number, outcome: BatchOutcome): Promise<void> {
      await journal.result(batchId, {
        accepted: outcome.accepted,
        rejected: outcome.rejected,
        doubtful: outcome.possibleDuplicates,
      });
      progress.value.eventsSent += outcome.accepted.length;
      progress.value.rejectedRows += outcome.rejected.length;
      progress.value.rejectedByServer += outcome.rejected.length;
      progress.value.possibleDuplicates += outcome.possibleDuplicates.length;
      if (outcome.kind === 'fatal' && !stop) {
        stop = { outcome: 'failed', message: outcome.message };
      } else if (outcome.kind === 'unavailable' && !stop) {
        stop = {
          outcome: 'interrupted',
          message: `${outcome.message} Nothing was lost: resume the import when the server is reachable again.`,
        };
      }
      if (outcome.kind !== 'cancelled') progress.resumeSending();
      emit();
    }

    /** Sends one batch once a slot is free; resolves when it has started (not when it ends). */
    async function dispatch(batch: PackedBatch, existingId: number | null): Promise<void> {
      while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      await gate();
      if (stop || journalFailure) {
        // Never sent: hold the low-water mark below it for good, or a resume would skip its rows.
        marks.hold(`dropped-${batch.rows[0] ?? 0}-${existingId ?? 'new'}`, Math.min(...batch.rows));
        return;
      }
      const holdToken = `batch-${batch.rows[0] ?? 0}-${existingId ?? 'new'}`;
      marks.hold(holdToken, Math.min(...batch.rows));
      const task = (async () => {
        const batchId = existingId ?? (await journal.intent(batch.rows, batch.body));
        const outcome = await sender.send(batch, abort.signal);
        await settle(batchId, outcome);
        if (outcome.kind === 'accepted' || outcome.kind === 'rejected_rows') {
          marks.release(holdToken);
          await moveWatermark();
        }
      })().catch((error: unknown) => {
        journalFailure ??= error;
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    }

    async function moveWatermark(): Promise<void> {
      const moved = marks.advance();
      if (moved) await journal.lowWater(moved.offset, moved.row);
    }

    const resumeFrom = start ? { byteOffset: start.offset, rowNumber: start.row } : undefined;
    let packerFirstRow: number | null = null;
    try {
      for await (const chunk of checkRows(
        options.path,
        file,
        (cells, row) => converter.convert(cells, row),
        resumeFrom,
        edits,
      )) {
        await gate();
        if (stop || journalFailure) break;
        const invalid: RejectedRowRecord[] = [];
        for (const { row, event, issues } of chunk.rows) {
          progress.value.rowsRead += 1;
          if (plan.isSettled(row.row)) continue;
          if (edits?.only && !edits.only.has(row.row)) continue;
          if (edits?.skip.has(row.row) && !plan.isResend(row.row)) {
            invalid.push({ row: row.row, message: SKIPPED_MESSAGE, cells: row.cells });
            continue;
          }
          if (plan.isResend(row.row)) {
            const ready = plan.take(row.row, event ? encodeEvent(event) : null, trackerKey);
            if (ready) await dispatch(ready.batch, ready.batchId);
            continue;
          }
          if (!event) {
            const message = issues.filter((i) => i.severity === 'error').map((i) => i.message);
            invalid.push({ row: row.row, message: message.join(' '), cells: row.cells });
            continue;
          }
          if (packerFirstRow === null) {
            packerFirstRow = row.row;
            marks.hold('packer', row.row);
          }
          const packed = packer.add(row.row, event);
          if (packed.issue) {
            invalid.push({ row: row.row, message: packed.issue.message, cells: row.cells });
          }
          for (const batch of packed.batches) await dispatch(batch, null);
          if (packed.batches.length > 0 || packed.issue) {
            // Whatever is left in the packer starts at this row, or nothing is left.
            const last = packed.batches.at(-1)?.rows.at(-1);
            const holdsThisRow = !packed.issue && last !== row.row;
            packerFirstRow = holdsThisRow ? row.row : null;
            if (packerFirstRow === null) marks.release('packer');
            else marks.hold('packer', packerFirstRow);
          }
        }
        if (invalid.length > 0) {
          await journal.reject(invalid);
          progress.value.rejectedRows += invalid.length;
        }
        progress.value.bytesRead = chunk.endByteOffset;
        marks.boundary({ offset: chunk.endByteOffset, row: chunk.nextRowNumber });
        await moveWatermark();
        emit();
      }
      if (!stop && !journalFailure) {
        const last = packer.flush();
        if (last) await dispatch(last, null);
        for (const leftover of plan.leftovers(trackerKey)) {
          await dispatch(leftover.batch, leftover.batchId);
        }
      }
      while (inFlight.size > 0) await Promise.race(inFlight);
      marks.release('packer');
      if (!stop && !journalFailure) await moveWatermark();
    } catch (error) {
      if (!stop) throw error;
    }
    if (journalFailure) throw journalFailure;
    return end(journal, file);
  }

  async function end(journal: JobJournal, file: SniffResult): Promise<JobResult> {
    const outcome: Stop = stop ?? { outcome: 'completed', message: completedMessage() };
    const journalState =
      outcome.outcome === 'completed'
        ? 'completed'
        : outcome.outcome === 'cancelled'
          ? 'cancelled'
          : outcome.outcome === 'failed'
            ? 'failed'
            : 'paused';
    await journal.setState(journalState, outcome.message);
    // Rows not sent always end up in a report, so nothing is lost silently: where the caller asked,
    // else beside the journal.
    let reportPath: string | null = options.reportPath ?? null;
    let reportRows = 0;
    if (reportPath === null && progress.value.rejectedRows > 0) {
      reportPath = join(dirname(journal.path), 'rejected.csv');
    }
    if (reportPath !== null) {
      reportRows = await writeJobReport(reportPath, journal.path, options.path, file);
    }
    await journal.close();
    return finish(journal.jobId, outcome, [], reportPath, reportRows);
  }

  function completedMessage(): string {
    const p = progress.value;
    const file = basename(options.path);
    const parts = [`Import of ${file} complete: ${plural(p.eventsSent, 'event')} sent`];
    if (p.rejectedRows > 0) parts.push(`${plural(p.rejectedRows, 'row')} not sent`);
    if (p.possibleDuplicates > 0) {
      parts.push(
        `${plural(p.possibleDuplicates, 'event')} may have arrived twice (a request's answer was lost)`,
      );
    }
    return parts.join(', ') + '.';
  }

  function finish(
    jobId: string | null,
    outcome: Stop,
    mappingIssues: MappingIssue[],
    reportPath: string | null = null,
    reportRows = 0,
  ): JobResult {
    progress.setPhase(outcome.outcome, outcome.message);
    const snapshot = progress.snapshot();
    emit();
    return {
      outcome: outcome.outcome,
      jobId,
      message: outcome.message,
      progress: snapshot,
      mappingIssues,
      reportPath,
      reportRows,
    };
  }

  return job;
}
