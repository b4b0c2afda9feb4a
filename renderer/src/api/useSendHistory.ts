import { useCallback, useEffect, useState } from 'react';
import type { HistoryList } from '../../../shared/ipc-send';
import type { SendHistoryEntry } from '../../../shared/send-history';
import { callApi } from './call-api';
import { errorMessage } from './error-message';

/** How many lines the history list shows before "Show more". */
export const HISTORY_PAGE = 25;

export interface SendHistoryState {
  query: string;
  setQuery: (query: string) => void;
  list: HistoryList | null;
  error: string | null;
  showMore: () => void;
  refresh: () => void;
  /** The full entry, or null when it is gone. */
  open: (id: string) => Promise<SendHistoryEntry | null>;
  clear: () => Promise<void>;
}

/** The requests sent from the "Send event" screen, searched by event name or customer ID. */
export function useSendHistory(): SendHistoryState {
  const [query, setQueryState] = useState('');
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const [list, setList] = useState<HistoryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const search = query.trim();
    callApi((api) =>
      api.sendHistory.list({ ...(search === '' ? {} : { query: search }), limit }),
    ).then(
      (value) => {
        if (!current) return;
        setList(value);
        setError(null);
      },
      (reason: unknown) => {
        if (current) setError(errorMessage(reason));
      },
    );
    return () => {
      current = false;
    };
  }, [query, limit, version]);

  const setQuery = useCallback((value: string) => {
    setQueryState(value);
    setLimit(HISTORY_PAGE);
  }, []);
  const showMore = useCallback(() => setLimit((value) => value + HISTORY_PAGE), []);
  const refresh = useCallback(() => setVersion((value) => value + 1), []);

  const open = useCallback(async (id: string) => {
    try {
      return (await callApi((api) => api.sendHistory.get({ id }))).entry;
    } catch (reason) {
      setError(errorMessage(reason));
      return null;
    }
  }, []);

  const clear = useCallback(async () => {
    try {
      await callApi((api) => api.sendHistory.clear());
    } catch (reason) {
      setError(errorMessage(reason));
    }
    setVersion((value) => value + 1);
  }, []);

  return { query, setQuery, list, error, showMore, refresh, open, clear };
}
