import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../../shared/ipc-updates';
import { callApi } from '../../api/call-api';
import { errorMessage } from '../../api/error-message';
import { useQuery } from '../../api/useQuery';

export interface UpdatesForm {
  /** Where the update stands; null until the first answer. */
  status: UpdateStatus | null;
  /** Why the status could not be read, or why the last action failed, in plain words. */
  error: string | null;
  busy: boolean;
  checkNow: () => Promise<void>;
  restart: () => Promise<void>;
  setAutomatic: (automatic: boolean) => Promise<void>;
}

/** The Updates section: the status, kept current by `updates:changed`, and its three actions. */
export function useUpdates(): UpdatesForm {
  const query = useQuery((api) => api.updates.status(), []);
  const { replace } = query;
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    if (!('api' in window)) return undefined;
    return window.api.updates.onChanged((status) => replace(status));
  }, [replace]);

  /** Runs an action and shows the status it answers; false when it failed (said in words). */
  async function act(what: string, call: () => Promise<UpdateStatus>): Promise<boolean> {
    setBusy(true);
    setActionError(null);
    try {
      replace(await call());
      return true;
    } catch (error) {
      setActionError(`${what}: ${errorMessage(error)}`);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    status: query.data,
    error: actionError ?? query.error,
    busy,
    checkNow: async () => {
      await act('Checking failed', () => callApi((api) => api.updates.check()));
    },
    restart: async () => {
      await act('The app could not restart', () => callApi((api) => api.updates.restart()));
    },
    async setAutomatic(automatic) {
      // The box shows the choice at once; the answer (or a failure, reloaded) settles it.
      if (query.data !== null) replace({ ...query.data, automatic });
      const saved = await act('The choice could not be saved', () =>
        callApi((api) => api.updates.setAutomatic({ automatic })),
      );
      if (!saved) await query.reload();
    },
  };
}
