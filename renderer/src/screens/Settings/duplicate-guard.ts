import type { LedgerStats } from '../../../../shared/ipc-ledger';
import { fileSize, plural } from '../../../../shared/wording';

// The duplicate guard's sentences on the Settings screen: what the ledger of the profile's
// destination holds now, and what forgetting it did. Beside the component, since only this
// screen says them (the CLI has no command to show or clear a ledger).

type Destination = NonNullable<LedgerStats['destination']>;

/** "CS-ABCD1 at https://…": a ledger belongs to a tracker key and an endpoint together. */
export function describeDestination(destination: Destination): string {
  return `${destination.trackerKey} at ${destination.endpoint}`;
}

/** What the ledger holds now, in one sentence. */
export function describeLedger(stats: LedgerStats): string {
  if (stats.destination === null) {
    return 'Nothing is remembered for this profile: it cannot send until it has a tracker key (and an endpoint it may send to). From then on the app remembers each event it sends.';
  }
  const where = describeDestination(stats.destination);
  if (stats.events === 0) {
    return `Nothing is remembered yet for ${where}: the app remembers each event it sends there from now on.`;
  }
  return `The app remembers ${plural(stats.events, 'event')} it sent to ${where} (${fileSize(stats.bytes)} on disk), so that importing ${stats.events === 1 ? 'it' : 'them'} again skips ${stats.events === 1 ? 'it' : 'them'}.`;
}

/** The short confirmation after clearing: how many were forgotten, and for which destination. */
export function describeForgotten(forgotten: number, destination: Destination): string {
  return `Forgot ${plural(forgotten, 'sent event')} for ${describeDestination(destination)}.`;
}
