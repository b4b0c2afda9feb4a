import { useCallback } from 'react';
import type { KeyStatus } from '../../../shared/ipc-settings';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { useQuery } from './useQuery';

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
  // Each answer names its profile; a keychain that cannot be asked is a status too, not a failure.
  const status = useQuery(
    (api) =>
      api.secrets.status({ profileId }).then(
        (value) => ({ profileId, value }),
        (error: unknown) => ({
          profileId,
          value: { state: 'unavailable', message: errorMessage(error) } as const,
        }),
      ),
    [profileId],
  );
  const { replace } = status;

  const change = useCallback(
    async (run: () => Promise<KeyStatus>): Promise<KeyResult> => {
      try {
        replace({ profileId, value: await run() });
        return { ok: true };
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
    [profileId, replace],
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
  const shown: KeyStatus | null =
    status.data?.profileId === profileId
      ? status.data.value
      : status.error !== null && !status.loading
        ? { state: 'unavailable', message: status.error }
        : null;
  return { status: shown, save, remove };
}
