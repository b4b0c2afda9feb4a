import { useCallback, useEffect, useState } from 'react';
import type { SendTarget } from '../../../shared/ipc-send';
import { callApi } from './call-api';
import { errorMessage } from './error-message';

export interface SendTargetState {
  /** Where a request would go now; null until known. */
  target: SendTarget | null;
  /** Why it could not be asked, in plain words. */
  error: string | null;
  refresh: () => void;
}

/** The active profile as the "Send event" screen shows it (name, endpoint, tracker key, key set?). */
export function useSendTarget(): SendTargetState {
  const [target, setTarget] = useState<SendTarget | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    callApi((api) => api.send.getTarget()).then(
      (value) => {
        if (!current) return;
        setTarget(value);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(errorMessage(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [version]);

  const refresh = useCallback(() => setVersion((value) => value + 1), []);
  return { target, error, refresh };
}
