import type { UpdateService } from '../updates/update-service';
import { registerHandlers } from './register';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';

export type UpdatesChannel =
  'updates:status' | 'updates:check' | 'updates:restart' | 'updates:setAutomatic';

/** The `updates:*` handlers: each answers the status afterwards. */
export function updatesHandlers(updates: UpdateService): IpcHandlers<UpdatesChannel> {
  return {
    'updates:status': () => updates.status(),
    'updates:check': () => updates.checkNow(),
    'updates:restart': () => updates.restart(),
    'updates:setAutomatic': ({ automatic }) => updates.setAutomatic(automatic),
  };
}

/** Registers the `updates:*` channels. */
export function registerUpdatesHandlers(
  ipc: IpcMainLike,
  updates: UpdateService,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, updatesHandlers(updates), options);
}
