import { fileRegisterChannel, preloadRequests } from '../../../shared/ipc';
import type { FileRegistry } from '../../import-sessions/file-registry';
import type { IpcMainLike, RegisterOptions } from './register';
import { bindChannel } from './register';

/**
 * Registers the preload's own `fileRegisterChannel` (not part of `window.api`): the preload sends
 * the path Electron found for a file the user picked or dropped, and gets its handle. Same sender
 * and schema checks as every contract channel; the browser host's socket refuses it.
 */
export function registerFileHandlers(
  ipc: IpcMainLike,
  files: FileRegistry,
  options: RegisterOptions,
): void {
  bindChannel(
    ipc,
    fileRegisterChannel,
    preloadRequests[fileRegisterChannel],
    ({ path }) => files.register(path),
    options,
  );
}
