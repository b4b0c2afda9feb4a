import { RATE_LIMIT } from '../../../shared/api';
import { plural } from '../../../shared/wording';
import type { RowConverter } from '../../../shared/convert';
import type { Now, Sleep } from '../sending/clock';
import type { RowEdits } from '../validation/import-edits';
import type { ProgressTracker } from './job-progress';
import { ResumePlan } from './job-resume';
import type { ImportJobOptions, SampleSent, Stop } from './job-types';
import { WatermarkTracker } from './job-watermark';
import type { JobJournal } from '../journal/journal';
import type { JournalState } from '../journal/journal-load';
import type { RejectedRowRecord } from '../journal/journal-records';
import { createPacer } from '../sending/pacer';
import { createPacker, encodeEvent, type PackedBatch } from '../sending/pack';
import type { SourceFile } from '../reading/source/source';
import { createSender, type BatchOutcome, type FetchLike, type SendEvent } from '../sending/sender';
import { checkRows } from '../validation/validate';
import { JobGuard } from './job-guard';
import { SampleLimit } from './job-sample';

/** The report's reason for a row the person skipped in the review. */
export const SKIPPED_MESSAGE = 'Skipped in the review: not sent.';

/** A job's file, journal and converter, ready to send (see `openJob`). */
export interface OpenedJob {
  journal: JobJournal;
  /** The journal's state when resuming, else null. */
  state: JournalState | null;
  file: SourceFile;
  converter: RowConverter;
  edits: RowEdits | undefined;
  /** Where the events go: a resumed job's own (from its journal), never the caller's. */
  target: { trackerKey: string; endpoint: string };
}

/** What the sending loop needs from the job's controller (pause, stop, progress). */
export interface JobControl {
  progress: ProgressTracker;
  emit(): void;
  /** Resolves when not paused (or when stopping). */
  gate(): Promise<void>;
  stopped(): Stop | null;
  /** Stops the job for this reason, unless it is already stopping for another. */
  stopWith(stop: Stop): void;
  /** Aborts requests under way (cancel). */
  signal: AbortSignal;
  now: Now;
  sleep: Sleep;
}

/**
 * The sending loop: reads rows from the low-water mark on, skips what a previous run settled,
 * rebuilds unfinished batches, packs the rest, and sends at most `maxInFlight` batches at a time,
 * journaling each batch's intent before its first request and its result after. The reader is
 * pulled only as a request slot frees up (backpressure). Resolves when everything dispatched has
 * an answer or the job was stopped.
 */
export async function sendBatches(
  options: ImportJobOptions,
  control: JobControl,
  opened: OpenedJob,
): Promise<{ sample: SampleSent | null }> {
  const { journal, state, file, converter, edits } = opened;
  const { progress, emit, gate, now, sleep } = control;
  const { trackerKey, endpoint } = opened.target;
  const rate = options.rate ?? { requests: RATE_LIMIT.requests, perMs: RATE_LIMIT.perMs };
  const maxInFlight = options.maxInFlight ?? 4;
  const pacer = createPacer({ ...rate, maxInFlight, now, sleep });
  const sender = createSender({
    endpoint,
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

  // The duplicate guard: rows whose events this destination already has are not sent again
  // (unless asked to), and everything this run sends is recorded as it goes.
  const guard = await JobGuard.open(options, opened, () => {
    progress.setPhase('preparing', 'Checking which events were sent before…');
    emit();
  });
  const { alreadySent } = guard;
  progress.value.maybeSentBefore = alreadySent?.summary.maybe ?? 0;
  // A sample: the first N valid events of a new job, then a stop that a resume continues from.
  const sample = new SampleLimit(state === null ? (options.sample ?? null) : null);

  progress.setPhase('sending', 'Sending events…');
  emit();

  // Which batch a row's request belongs to, while it is under way: the sender names a request by
  // its first row (halves of a split batch too), the journal by batch id.
  const batchOfRow = new Map<number, number>();

  function onSendEvent(event: SendEvent): void {
    if (event.type === 'attempt') {
      const batchId = batchOfRow.get(event.firstRow);
      // Journal appends keep their order, so the attempt lands before the batch's result.
      if (batchId !== undefined) {
        journal.attempt(batchId).catch((error: unknown) => {
          journalFailure ??= error;
        });
      }
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

  async function settle(
    batchId: number,
    rows: readonly number[],
    outcome: BatchOutcome,
  ): Promise<void> {
    await journal.result(batchId, {
      accepted: outcome.accepted,
      rejected: outcome.rejected,
      doubtful: outcome.possibleDuplicates,
    });
    await guard.settled(rows, outcome);
    progress.value.eventsSent += outcome.accepted.length;
    progress.value.rejectedRows += outcome.rejected.length;
    progress.value.rejectedByServer += outcome.rejected.length;
    progress.value.possibleDuplicates += outcome.possibleDuplicates.length;
    if (outcome.kind === 'fatal') {
      control.stopWith({ outcome: 'failed', message: outcome.message });
    } else if (outcome.kind === 'unavailable') {
      control.stopWith({
        outcome: 'interrupted',
        message: `${outcome.message} Nothing was lost: resume the import when the server is reachable again.`,
      });
    }
    if (outcome.kind !== 'cancelled') progress.resumeSending();
    emit();
  }

  /** Sends one batch once a slot is free; resolves when it has started (not when it ends). */
  async function dispatch(batch: PackedBatch, existingId: number | null): Promise<void> {
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    await gate();
    if (control.stopped() || journalFailure !== null) {
      // Never sent: hold the low-water mark below it for good, or a resume would skip its rows.
      marks.hold(`dropped-${batch.rows[0] ?? 0}-${existingId ?? 'new'}`, Math.min(...batch.rows));
      return;
    }
    const holdToken = `batch-${batch.rows[0] ?? 0}-${existingId ?? 'new'}`;
    marks.hold(holdToken, Math.min(...batch.rows));
    const task = (async () => {
      const batchId = existingId ?? (await journal.intent(batch.rows, batch.body));
      for (const row of batch.rows) batchOfRow.set(row, batchId);
      await guard.sending(batch.rows);
      const outcome = await sender.send(batch, control.signal);
      for (const row of batch.rows) batchOfRow.delete(row);
      await settle(batchId, batch.rows, outcome);
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
      (cells, row, typed) => converter.convert(cells, row, typed),
      resumeFrom,
      edits,
    )) {
      await gate();
      if (control.stopped() || journalFailure !== null) break;
      const invalid: RejectedRowRecord[] = [];
      let brokeEarly = false;
      for (const { row, event, issues } of chunk.rows) {
        progress.value.rowsRead += 1;
        if (plan.isSettled(row.row)) continue;
        if (edits?.only && !edits.only.has(row.row)) continue;
        if (edits?.skip.has(row.row) && !plan.isResend(row.row)) {
          invalid.push({ row: row.row, message: SKIPPED_MESSAGE, cells: row.cells });
          continue;
        }
        if (plan.isResend(row.row)) {
          if (event) guard.remember(row.row, event);
          const ready = plan.take(row.row, event ? encodeEvent(event) : null, trackerKey);
          if (ready) await dispatch(ready.batch, ready.batchId);
          continue;
        }
        if (!event) {
          const message = issues.filter((i) => i.severity === 'error').map((i) => i.message);
          invalid.push({ row: row.row, message: message.join(' '), cells: row.cells });
          continue;
        }
        const sentBefore = alreadySent?.reasonFor(row.row) ?? null;
        if (sentBefore !== null) {
          invalid.push({ row: row.row, message: sentBefore, cells: row.cells, alreadySent: true });
          progress.value.alreadySent += 1;
          continue;
        }
        if (sample.full()) {
          // The sample is out: stop before this row, which stays unread for the resume.
          control.stopWith({
            outcome: 'interrupted',
            message: `A sample of ${plural(sample.count, 'event')} was sent; the rest of the file is still to send.`,
          });
          brokeEarly = true;
          break;
        }
        guard.remember(row.row, event);
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
        if (!packed.issue && sample.take(event)) {
          // The sample goes at once, in one request, not when the packer would be full.
          const last = packer.flush();
          packerFirstRow = null;
          if (last) await dispatch(last, null);
          marks.release('packer');
        }
      }
      if (invalid.length > 0) {
        await journal.reject(invalid);
        progress.value.rejectedRows += invalid.filter((r) => r.alreadySent !== true).length;
      }
      // Rows after the stop were not read: the chunk's end is no boundary the mark may pass.
      if (brokeEarly) break;
      progress.value.bytesRead = chunk.endByteOffset;
      marks.boundary({ offset: chunk.endByteOffset, row: chunk.nextRowNumber });
      await moveWatermark();
      emit();
    }
    if (!control.stopped() && journalFailure === null) {
      const last = packer.flush();
      if (last) await dispatch(last, null);
      for (const leftover of plan.leftovers(trackerKey)) {
        await dispatch(leftover.batch, leftover.batchId);
      }
    }
    while (inFlight.size > 0) await Promise.race(inFlight);
    marks.release('packer');
    if (!control.stopped() && journalFailure === null) await moveWatermark();
  } catch (error) {
    if (!control.stopped()) throw error;
  } finally {
    await guard.close();
  }
  if (journalFailure !== null) throw journalFailure;
  return { sample: sample.result() };
}
