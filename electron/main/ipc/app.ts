import type { AppInfo } from '../../../shared/ipc';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';
import { registerHandlers } from './register';

/** The `app:*` handlers. The info is gathered once at start-up by the caller (it does not change). */
export function appHandlers(info: AppInfo): IpcHandlers<'app:getInfo'> {
  return { 'app:getInfo': () => info };
}

/** Registers the `app:*` channels. */
export function registerAppHandlers(
  ipc: IpcMainLike,
  info: AppInfo,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, appHandlers(info), options);
}
