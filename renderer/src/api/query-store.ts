import { errorMessage } from './error-message';

export interface QueryState<T> {
  /** The newest answer; kept while the next one is asked, so a list does not blink empty. */
  data: T | null;
  /** Why the newest request failed, in plain words; null once an answer arrives. */
  error: string | null;
  /** A request is out and its answer not yet in. */
  loading: boolean;
}

export interface QueryStore<T> {
  get: () => QueryState<T>;
  subscribe: (listener: () => void) => () => void;
  /**
   * Asks again; only the answer to the newest request is kept. Resolves once this request is
   * settled: its answer shown, or dropped for a newer one.
   */
  fetch: (load: () => Promise<T>) => Promise<void>;
  /** An answer from elsewhere (what a change returned): it counts as the newest. */
  replace: (data: T) => void;
  /** Drops the answers still on their way (the asker is gone, or asks something else). */
  cancel: () => void;
}

/**
 * One loaded value and the stale-answer guard: answers can arrive out of order (a slow search
 * overtaken by the next keystroke), and an older one must never replace a newer one.
 */
export function createQueryStore<T>(): QueryStore<T> {
  let state: QueryState<T> = { data: null, error: null, loading: true };
  let asked = 0;
  const listeners = new Set<() => void>();

  const set = (next: QueryState<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fetch(load) {
      asked += 1;
      const request = asked;
      if (!state.loading) set({ ...state, loading: true });
      // Through a promise, so a load that throws at once is a failed request like any other.
      return Promise.resolve()
        .then(load)
        .then(
          (data) => {
            if (request === asked) set({ data, error: null, loading: false });
          },
          (reason: unknown) => {
            if (request === asked) set({ ...state, error: errorMessage(reason), loading: false });
          },
        );
    },
    replace(data) {
      asked += 1;
      set({ data, error: null, loading: false });
    },
    cancel() {
      asked += 1;
    },
  };
}
