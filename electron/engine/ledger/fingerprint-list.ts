import type { TrackEvent } from '../../../shared/api';
import { FINGERPRINT_WORDS, fingerprintEvent } from './event-fingerprint';

/**
 * The fingerprints of a file's events with their row numbers, in file order: what validation
 * and a send's check hand the ledger to look up. Five words an event (20 bytes), so a million
 * rows take 20 MB; grows by doubling.
 */
export class FingerprintList {
  private data = new Uint32Array(FINGERPRINT_WORDS * 1024);
  private rowNumbers = new Uint32Array(1024);
  private size = 0;

  get count(): number {
    return this.size;
  }

  add(row: number, event: TrackEvent): void {
    if (this.size === this.rowNumbers.length) this.grow();
    fingerprintEvent(event, this.data, this.size * FINGERPRINT_WORDS);
    this.rowNumbers[this.size] = row;
    this.size += 1;
  }

  /** The fingerprints, four words each, `count` of them. */
  get words(): Uint32Array {
    return this.data;
  }

  row(index: number): number {
    return this.rowNumbers[index] ?? 0;
  }

  private grow(): void {
    const data = new Uint32Array(this.data.length * 2);
    data.set(this.data);
    this.data = data;
    const rows = new Uint32Array(this.rowNumbers.length * 2);
    rows.set(this.rowNumbers);
    this.rowNumbers = rows;
  }
}
