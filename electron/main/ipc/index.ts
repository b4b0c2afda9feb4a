import type { AppInfo } from '../../../shared/ipc';
import type { SecretStore } from '../../store/secrets';
import type { SettingsStore } from '../../store/settings';
import type { Clipboard } from '../../send/clipboard';
import type { SendHistoryStore } from '../../send/history-store';
import type { SendTemplateStore } from '../../send/template-store';
import type { FileRegistry } from '../../import-sessions/file-registry';
import type { ImportService } from '../../import-sessions/import-service';
import type { Ledger } from '../../engine/ledger/ledger';
import type { UpdateService } from '../updates/update-service';
import { registerAppHandlers } from './app';
import { registerFileHandlers } from './files';
import { registerImportHandlers } from './import';
import { registerLedgerHandlers } from './ledger';
import { registerSendHandlers } from './send';
import { registerSecretsHandlers } from './secrets';
import { registerSettingsHandlers } from './settings';
import { registerUpdatesHandlers } from './updates';
import type { IpcMainLike, RegisterOptions } from './register';

/** What the domain registrars need from the rest of the main process. */
export interface IpcServices {
  appInfo: AppInfo;
  /** Profiles (settings.json). */
  settings: SettingsStore;
  /** API keys in the OS keychain; tests and the browser host may pass one over a memory keyring. */
  secrets: SecretStore;
  /** Requests sent from the "Send event" screen (`<dataDir>/send-history/`). */
  sendHistory: SendHistoryStore;
  /** The "Send event" builder's templates. */
  sendTemplates: SendTemplateStore;
  /** The system clipboard (Electron's); the browser host keeps a stand-in in memory. */
  clipboard: Clipboard;
  /**
   * The files the user handed to the app, by handle: the preload registers them (the browser host
   * its uploads), the import channels resolve them.
   */
  files: FileRegistry;
  /** The import wizard: opened files, validation, review, uploads and their journals. */
  imports: ImportService;
  /** The duplicate guard's ledger of a destination (`<dataDir>/ledger/`). */
  ledgerOf: (destination: { trackerKey: string; endpoint: string }) => Ledger;
  /** The installed app's updates (Settings, Updates section). */
  updates: UpdateService;
}

/**
 * Registers every channel of the contract, one registrar per domain, and the preload's own
 * `fileRegisterChannel`. A test checks that after this call no channel is left without a handler.
 */
export function registerAllHandlers(
  ipc: IpcMainLike,
  services: IpcServices,
  options: RegisterOptions,
): void {
  registerAppHandlers(ipc, services.appInfo, options);
  registerSettingsHandlers(ipc, services, options);
  registerSecretsHandlers(ipc, services, options);
  registerSendHandlers(ipc, services, options);
  registerImportHandlers(ipc, services, options);
  registerLedgerHandlers(ipc, services, options);
  registerUpdatesHandlers(ipc, services.updates, options);
  registerFileHandlers(ipc, services.files, options);
}
