import { useEffect, useSyncExternalStore } from 'react';
import { getState, subscribe, wireEvents, type WizardState } from './import-wizard-store';
import { reattach, refreshInterrupted } from './import-send-actions';

/**
 * The import wizard's state, shared by every step and kept while other screens show. The first
 * use on a page listens to the main process's events, follows an upload that is still running,
 * and looks for interrupted imports to offer.
 */
export function useImportWizard(): WizardState {
  useEffect(() => {
    wireEvents();
    void reattach();
    void refreshInterrupted();
  }, []);
  return useSyncExternalStore(subscribe, getState);
}
