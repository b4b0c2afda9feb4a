import { useEffect, useState, useSyncExternalStore } from 'react';
import { getState, subscribe, wireEvents, type WizardState } from './import-wizard-store';
import { reattach, refreshInterrupted } from './import-send-actions';

export interface ImportWizard {
  state: WizardState;
  /** The screen's first look-ups (a running upload, interrupted imports) have answered. */
  ready: boolean;
}

/**
 * The import wizard's state, shared by every step and kept while other screens show. The first
 * use on a page listens to the main process's events, follows an upload that is still running,
 * and looks for interrupted imports to offer.
 */
export function useImportWizard(): ImportWizard {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    wireEvents();
    // Both swallow their failures: the screen works without either answer.
    void Promise.all([reattach(), refreshInterrupted()]).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return { state: useSyncExternalStore(subscribe, getState), ready };
}
