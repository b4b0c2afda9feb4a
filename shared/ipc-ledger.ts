import { z } from 'zod';
import type { IpcRequestSpec } from './ipc';
import { profileIdSchema } from './settings';

// The duplicate guard's channels on the Settings screen: how much a profile's destination
// remembers, and forgetting it. The fingerprints themselves never leave the main process.

export const ledgerRequestSchema = z.strictObject({ profileId: profileIdSchema });

/** What the duplicate guard remembers for the destination a profile sends to. */
export const ledgerStatsSchema = z.object({
  /** Where the profile sends now; null when it cannot send (no tracker key, endpoint not allowed). */
  destination: z.object({ trackerKey: z.string(), endpoint: z.string() }).nullable(),
  /** Events remembered as sent or maybe sent (an event recorded twice, not merged yet, counts twice). */
  events: z.int().min(0),
  /** Bytes the ledger takes on disk (about 20 an event). */
  bytes: z.int().min(0),
});
export type LedgerStats = z.infer<typeof ledgerStatsSchema>;

export const ledgerRequests = {
  'ledger:stats': { request: ledgerRequestSchema, response: ledgerStatsSchema },
  // The figures afterwards (none).
  'ledger:clear': { request: ledgerRequestSchema, response: ledgerStatsSchema },
} as const satisfies Record<string, IpcRequestSpec>;
