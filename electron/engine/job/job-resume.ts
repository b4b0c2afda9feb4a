import type { JournalState } from '../journal/journal-load';
import { rowsOf, RowSet } from '../journal/journal-ranges';
import { assembleBatch, type PackedBatch } from '../sending/pack';

/** A batch announced before an interruption whose rows must be sent again, gathered as they are read. */
interface PendingResend {
  batchId: number;
  rows: number[];
  eventBytes: Uint8Array[];
  remaining: number;
  outcomeUnknown: boolean;
}

/**
 * What a resumed job must do besides reading on from the low-water mark: skip rows already settled,
 * and rebuild each unfinished batch from its own rows (same rows, same order: identical bytes
 * when none of it was confirmed) under its original batch id.
 */
export class ResumePlan {
  private readonly settled = new RowSet();
  private readonly resendOf = new Map<number, PendingResend>();
  private readonly open: PendingResend[] = [];

  constructor(state: JournalState | null) {
    if (!state) return;
    this.settled.add(state.settledBeyondLowWater);
    for (const batch of state.openBatches) {
      const rows = [...rowsOf(batch.pending)];
      if (rows.length === 0) continue;
      const resend: PendingResend = {
        batchId: batch.batch,
        rows: [],
        eventBytes: [],
        remaining: rows.length,
        outcomeUnknown: batch.outcomeUnknown,
      };
      this.open.push(resend);
      for (const row of rows) this.resendOf.set(row, resend);
    }
  }

  isSettled(row: number): boolean {
    return this.settled.has(row);
  }

  /** Whether the row belongs to an unfinished batch (and so must not be packed anew). */
  isResend(row: number): boolean {
    return this.resendOf.has(row);
  }

  /**
   * Adds a row's event to its unfinished batch; returns the batch once all its rows are in.
   * A row that turned invalid (it cannot, for an unchanged file and mapping) is dropped from it.
   */
  take(
    row: number,
    eventBytes: Uint8Array | null,
    trackerKey: string,
  ): { batchId: number; batch: PackedBatch } | null {
    const resend = this.resendOf.get(row);
    if (!resend) return null;
    this.resendOf.delete(row);
    resend.remaining -= 1;
    if (eventBytes) {
      resend.rows.push(row);
      resend.eventBytes.push(eventBytes);
    }
    return resend.remaining === 0 ? this.finish(resend, trackerKey) : null;
  }

  /** Batches whose rows were not all found again (the file ended early): send what there is. */
  leftovers(trackerKey: string): { batchId: number; batch: PackedBatch }[] {
    const result: { batchId: number; batch: PackedBatch }[] = [];
    for (const resend of this.open) {
      if (resend.remaining > 0) {
        resend.remaining = 0;
        const finished = this.finish(resend, trackerKey);
        if (finished) result.push(finished);
      }
    }
    return result;
  }

  private finish(
    resend: PendingResend,
    trackerKey: string,
  ): { batchId: number; batch: PackedBatch } | null {
    if (resend.rows.length === 0) return null;
    return {
      batchId: resend.batchId,
      batch: assembleBatch(trackerKey, resend.rows, resend.eventBytes),
    };
  }
}
