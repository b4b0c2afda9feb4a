import { useCallback, useState } from 'react';
import type { HistoryList } from '../../../shared/ipc-send';
import type { SendHistoryEntry } from '../../../shared/send-history';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { useQuery } from './useQuery';

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
  const search = query.trim();
  const list = useQuery(
    (api) => api.sendHistory.list({ ...(search === '' ? {} : { query: search }), limit }),
    [search, limit],
  );
  // Opening or clearing can fail too; that stays shown until the list is asked again.
  const [actionError, setActionError] = useState<string | null>(null);

  const { reload } = list;
  const setQuery = useCallback((value: string) => {
    setActionError(null);
    setQueryState(value);
    setLimit(HISTORY_PAGE);
  }, []);
  const showMore = useCallback(() => {
    setActionError(null);
    setLimit((value) => value + HISTORY_PAGE);
  }, []);
  const refresh = useCallback(() => {
    setActionError(null);
    void reload();
  }, [reload]);

  const open = useCallback(async (id: string) => {
    setActionError(null);
    try {
      return (await callApi((api) => api.sendHistory.get({ id }))).entry;
    } catch (reason) {
      setActionError(errorMessage(reason));
      return null;
    }
  }, []);

  const clear = useCallback(async () => {
    setActionError(null);
    try {
      await callApi((api) => api.sendHistory.clear());
    } catch (reason) {
      setActionError(errorMessage(reason));
    }
    await reload();
  }, [reload]);

  return {
    query,
    setQuery,
    list: list.data,
    error: actionError ?? list.error,
    showMore,
    refresh,
    open,
    clear,
  };
}
