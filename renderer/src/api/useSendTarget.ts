import { useCallback } from 'react';
import type { SendTarget } from '../../../shared/ipc-send';
import { useQuery } from './useQuery';

export interface SendTargetState {
  /** Where a request would go now; null until known. */
  target: SendTarget | null;
  /** Why it could not be asked, in plain words. */
  error: string | null;
  refresh: () => void;
}

/** The active profile as the "Send event" screen shows it (name, endpoint, tracker key, key set?). */
export function useSendTarget(): SendTargetState {
  const target = useQuery((api) => api.send.getTarget(), []);
  const { reload } = target;
  const refresh = useCallback(() => void reload(), [reload]);
  return { target: target.data, error: target.error, refresh };
}
