import { useCallback, useEffect, useState } from 'react';
import type { KeyStatus } from '../../../shared/ipc-settings';
import { callApi } from './call-api';
import { errorMessage } from './error-message';

export type KeyResult = { ok: true } | { ok: false; message: string };

export interface ApiKeyApi {
  /** `null` while the keychain is asked. */
  status: KeyStatus | null;
  /** Stores the key for the profile (replacing any); the key is not kept here afterwards. */
  save: (key: string) => Promise<KeyResult>;
  remove: () => Promise<KeyResult>;
}

/**
 * A profile's API key over `window.api`: its status ("set, ends in 1234", not set, or no keychain),
 * and set / delete. The key goes to the main process and is never read back.
 */
export function useApiKey(profileId: string): ApiKeyApi {
  const [status, setStatus] = useState<{ profileId: string; value: KeyStatus } | null>(null);

  useEffect(() => {
    let live = true;
    callApi((api) => api.secrets.status({ profileId })).then(
      (value) => {
        if (live) setStatus({ profileId, value });
      },
      (error: unknown) => {
        if (live)
          setStatus({ profileId, value: { state: 'unavailable', message: errorMessage(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [profileId]);

  const change = useCallback(
    async (run: () => Promise<KeyStatus>): Promise<KeyResult> => {
      try {
        setStatus({ profileId, value: await run() });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
    [profileId],
  );

  const save = useCallback(
    (key: string) => change(() => callApi((api) => api.secrets.set({ profileId, key }))),
    [change, profileId],
  );
  const remove = useCallback(
    () => change(() => callApi((api) => api.secrets.delete({ profileId }))),
    [change, profileId],
  );

  // A status still about the previous profile is not shown for this one.
  return { status: status?.profileId === profileId ? status.value : null, save, remove };
}
