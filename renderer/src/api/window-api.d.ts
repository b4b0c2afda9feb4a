import type { AppApi } from '../../../shared/ipc';

// The bridge the preload (Electron) or the browser host's script installs before the app starts.
declare global {
  interface Window {
    readonly api: AppApi;
  }
}

export {};
