import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type DependencyList,
} from 'react';
import type { AppApi } from '../../../shared/ipc';
import { callApi } from './call-api';
import { createQueryStore, type QueryState } from './query-store';

export interface Query<T> extends QueryState<T> {
  /** Asks the main process again; resolves once the answer is shown (or overtaken by a newer one). */
  reload: () => Promise<void>;
  /** Shows what a change answered, without asking again. */
  replace: (data: T) => void;
}

/**
 * The one way a screen loads data from the main process: `load` is asked on mount, again when
 * `deps` change and on `reload`, and only the answer to the newest request is shown.
 */
export function useQuery<T>(load: (api: AppApi) => Promise<T>, deps: DependencyList): Query<T> {
  const [store] = useState(createQueryStore<T>);
  const state = useSyncExternalStore(store.subscribe, store.get);
  // The newest `load` (it closes over this render's values), for a reload asked later.
  const latestLoad = useRef(load);
  useLayoutEffect(() => {
    latestLoad.current = load;
  });

  const reload = useCallback(() => store.fetch(() => callApi(latestLoad.current)), [store]);
  useEffect(() => {
    void reload();
    return store.cancel;
    // What `load` asks for changes only with `deps`; the caller lists them, as for useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload, store, ...deps]);

  return { ...state, reload, replace: store.replace };
}
