import { basename } from 'node:path';
import type { TrackEvent } from '../../../shared/api';
import type { BatchOutcome } from '../sending/sender';
import { findAlreadySent, type AlreadySentRows } from '../ledger/already-sent-rows';
import { eventFingerprint } from '../ledger/event-fingerprint';
import { Ledger } from '../ledger/ledger';
import { STATUS } from '../ledger/ledger-records';
import type { LedgerRun } from '../ledger/ledger-run';
import type { OpenedJob } from './job-send';
import type { ImportJobOptions } from './job-types';

/**
 * A job's side of the duplicate guard: before the first request, which rows its destination
 * already has (`alreadySent`, null when sending them again); while it sends, each batch's events
 * recorded as maybe sent before the request, then sent or not once the journal has the result.
 */
export class JobGuard {
  // Each event's fingerprint from when it is packed until its batch is settled.
  private readonly fingerprintOfRow = new Map<number, Uint32Array>();

  private constructor(
    readonly alreadySent: AlreadySentRows | null,
    private readonly run: LedgerRun,
  ) {}

  /** Checks the file against the ledger (unless `sendAgain`) and starts this run's record. */
  static async open(
    options: ImportJobOptions,
    opened: Pick<OpenedJob, 'file' | 'converter' | 'edits' | 'target'>,
    checking: () => void,
  ): Promise<JobGuard> {
    const ledger = Ledger.forDestination(options.dataDir, opened.target);
    let alreadySent: AlreadySentRows | null = null;
    if (options.sendAgain !== true) {
      checking();
      const { file, converter, edits } = opened;
      alreadySent = await findAlreadySent(options.path, file, converter, edits, ledger);
    }
    const run = await ledger.startRun({
      kind: 'import',
      label: basename(options.path),
      at: new Date((options.wallNow ?? Date.now)()).toISOString(),
    });
    return new JobGuard(alreadySent, run);
  }

  /** A row's event is on its way into a batch. */
  remember(row: number, event: TrackEvent): void {
    this.fingerprintOfRow.set(row, eventFingerprint(event));
  }

  /** Before a batch's first request: "maybe sent" is what a crash mid-request leaves. */
  sending(rows: readonly number[]): Promise<void> {
    return this.run.record(this.fingerprintsOf(rows), STATUS.maybe);
  }

  /**
   * After the journal has the batch's result (the truth a resume goes by, so the ledger never
   * says "sent" of a row the journal does not): accepted rows sent, rows neither accepted nor
   * possibly duplicated never arrived, possible duplicates stay "maybe".
   */
  async settled(rows: readonly number[], outcome: BatchOutcome): Promise<void> {
    await this.run.record(this.fingerprintsOf(outcome.accepted), STATUS.sent);
    const maybe = new Set([...outcome.accepted, ...outcome.possibleDuplicates]);
    await this.run.record(this.fingerprintsOf(rows.filter((row) => !maybe.has(row))), STATUS.none);
    for (const row of rows) this.fingerprintOfRow.delete(row);
  }

  close(): Promise<void> {
    return this.run.close();
  }

  private fingerprintsOf(rows: readonly number[]): Uint32Array[] {
    return rows.flatMap((row) => {
      const fingerprint = this.fingerprintOfRow.get(row);
      return fingerprint ? [fingerprint] : [];
    });
  }
}
