import type { Ledger } from '../../engine/ledger/ledger';
import type { Clipboard } from '../../send/clipboard';
import type { SendHistoryStore } from '../../send/history-store';
import { createSendService } from '../../send/send-service';
import type { SendTemplateStore } from '../../send/template-store';
import type { SecretStore } from '../../store/secrets';
import type { SettingsStore } from '../../store/settings';
import { registerHandlers } from './register';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';

/** What the "Send event" screen's handlers work on. */
export interface SendIpcServices {
  settings: SettingsStore;
  secrets: SecretStore;
  sendHistory: SendHistoryStore;
  sendTemplates: SendTemplateStore;
  /** Where "Copy as curl" puts the command: the system clipboard in Electron. */
  clipboard: Clipboard;
  /** The duplicate guard's ledger, where what this screen sends is recorded. */
  ledgerOf?: (destination: { trackerKey: string; endpoint: string }) => Ledger;
}

export type SendChannel =
  | 'send:getTarget'
  | 'send:request'
  | 'send:curl'
  | 'sendHistory:list'
  | 'sendHistory:get'
  | 'sendHistory:clear'
  | 'sendTemplates:list'
  | 'sendTemplates:save'
  | 'sendTemplates:delete';

/**
 * The `send:*`, `sendHistory:*` and `sendTemplates:*` handlers. No handler answers the API key:
 * `send:curl` with `reveal` writes the command holding it to the clipboard and answers only that
 * it did.
 */
export function sendHandlers(services: SendIpcServices): IpcHandlers<SendChannel> {
  const service = createSendService({
    settings: services.settings,
    secrets: services.secrets,
    history: services.sendHistory,
    clipboard: services.clipboard,
    ledgerOf: services.ledgerOf,
  });
  return {
    'send:getTarget': () => service.target(),
    'send:request': (request) => service.send(request),
    'send:curl': (request) => service.curl(request),
    'sendHistory:list': (request) => services.sendHistory.list(request ?? {}),
    'sendHistory:get': async ({ id }) => ({ entry: await services.sendHistory.get(id) }),
    'sendHistory:clear': async () => ({ removed: await services.sendHistory.clear() }),
    'sendTemplates:list': async () => ({ templates: await services.sendTemplates.list() }),
    // A full templates file throws the store's `TemplateLimitError`, a `UserError`.
    'sendTemplates:save': ({ name, content }) => services.sendTemplates.save(name, content),
    'sendTemplates:delete': async ({ id }) => ({
      deleted: await services.sendTemplates.delete(id),
    }),
  };
}

/** Registers the "Send event" screen's channels. */
export function registerSendHandlers(
  ipc: IpcMainLike,
  services: SendIpcServices,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, sendHandlers(services), options);
}
