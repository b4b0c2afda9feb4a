import { useState } from 'react';
import type { LedgerStats } from '../../../../shared/ipc-ledger';
import type { Profile } from '../../../../shared/settings';
import { callApi } from '../../api/call-api';
import { errorMessage } from '../../api/error-message';
import { useQuery } from '../../api/useQuery';
import { describeForgotten } from './duplicate-guard';

export interface LedgerForm {
  /** What the profile's destination remembers; null until the first answer. */
  stats: LedgerStats | null;
  /** Why the figures could not be read, in plain words. */
  loadError: string | null;
  busy: boolean;
  /** How the last clearing ended, for the section's status line. */
  outcome: { ok: boolean; message: string } | null;
  clear: () => Promise<void>;
}

/**
 * The duplicate guard of one profile: its figures, asked again whenever the saved tracker key or
 * endpoint changes (they name another ledger), and clearing it.
 */
export function useLedger(profile: Profile): LedgerForm {
  const query = useQuery(
    (api) => api.ledger.stats({ profileId: profile.id }),
    [profile.id, profile.trackerKey, profile.endpoint],
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<LedgerForm['outcome']>(null);

  async function clear(): Promise<void> {
    const before = query.data;
    setBusy(true);
    setOutcome(null);
    try {
      const after = await callApi((api) => api.ledger.clear({ profileId: profile.id }));
      query.replace(after);
      setOutcome(
        after.destination === null
          ? { ok: true, message: 'Nothing was remembered for this profile.' }
          : { ok: true, message: describeForgotten(before?.events ?? 0, after.destination) },
      );
    } catch (error) {
      setOutcome({
        ok: false,
        message: `The sent events could not be forgotten: ${errorMessage(error)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  return { stats: query.data, loadError: query.error, busy, outcome, clear };
}
