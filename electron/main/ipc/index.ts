import type { AppInfo } from '../../../shared/ipc';
import { registerAppHandlers } from './app';
import type { IpcMainLike, RegisterOptions } from './register';

/** What the domain registrars need from the rest of the main process. */
export interface IpcServices {
  appInfo: AppInfo;
}

/**
 * Registers every channel of the contract, one registrar per domain. A test checks that after this
 * call no contract channel is left without a handler.
 */
export function registerAllHandlers(
  ipc: IpcMainLike,
  services: IpcServices,
  options: RegisterOptions,
): void {
  registerAppHandlers(ipc, services.appInfo, options);
}
