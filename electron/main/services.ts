import type { IpcEventChannel, IpcEventPayload } from '../../shared/ipc';
import type { IpcServices } from './ipc/index';

/**
 * Sends one contract event to the page(s): `webContents.send` in Electron, the WebSocket in the
 * browser host. Implementations check the payload with the contract's schema before it leaves.
 */
export type EmitIpcEvent = <E extends IpcEventChannel>(
  channel: E,
  payload: IpcEventPayload<E>,
) => void;

export interface MainServicesOptions {
  /** The resolved data directory (`resolveDataDir`). */
  dataDir: string;
  /** The process environment, for services that read settings from it. */
  env: Record<string, string | undefined>;
  /** The app's name and version (Electron's `app.getName()` / `app.getVersion()`). */
  app: { name: string; version: string };
  /** Node's `process.platform`, see `AppInfo.platform`. */
  platform: string;
  /** How long-running services (import jobs) report progress to the page. */
  emit: EmitIpcEvent;
}

/**
 * Everything `registerAllHandlers` needs, built in plain Node, so the Electron main process and the
 * browser host (electron/dev) bind exactly the same handlers to exactly the same services. Electron
 * objects stay out: the caller passes what it learned from them.
 */
export function createMainServices(options: MainServicesOptions): IpcServices {
  return {
    appInfo: {
      name: options.app.name,
      version: options.app.version,
      platform: options.platform,
      dataDir: options.dataDir,
    },
  };
}
