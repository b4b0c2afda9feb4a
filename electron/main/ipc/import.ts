import type { ImportService } from '../../import-sessions/import-service';
import { createImportTargetSource } from '../../import-sessions/send-target';
import { createProfileDestinationSource } from '../../import-sessions/resume-destination';
import type { SecretStore } from '../../store/secrets';
import type { SettingsStore } from '../../store/settings';
import { registerHandlers } from './register';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';

/** What the import handlers work on: the import service, and the profile and key to send with. */
export interface ImportIpcServices {
  imports: ImportService;
  settings: SettingsStore;
  secrets: SecretStore;
}

export type ImportChannel =
  | 'import:open'
  | 'import:paste'
  | 'import:configure'
  | 'import:validate'
  | 'import:rows'
  | 'import:editCell'
  | 'import:skipRows'
  | 'import:summary'
  | 'import:sessionReport'
  | 'import:close'
  | 'import:start'
  | 'import:pause'
  | 'import:resume'
  | 'import:cancel'
  | 'import:live'
  | 'import:interrupted'
  | 'import:continue'
  | 'import:reopen'
  | 'import:dismiss'
  | 'import:jobs'
  | 'import:jobReport';

/**
 * The `import:*` handlers. The API key is looked up here, in the main process, only when an upload
 * starts; no answer carries it.
 */
export function importHandlers(services: ImportIpcServices): IpcHandlers<ImportChannel> {
  const { imports } = services;
  const target = createImportTargetSource({
    settings: services.settings,
    secrets: () => services.secrets,
  });
  // The resume offer compares destinations without the key: the keychain stays closed.
  const destinationOf = createProfileDestinationSource(services.settings);
  return {
    'import:open': ({ file, source }) => imports.open(file, source),
    'import:paste': ({ text }) => imports.paste(text),
    'import:configure': ({ sessionId, source }) => imports.configure(sessionId, source),
    'import:validate': async ({ sessionId, mapping }) =>
      imports.validate(sessionId, mapping, await destinationOf().catch(() => null)),
    'import:rows': ({ sessionId, view, offset, limit }) =>
      imports.rows(sessionId, view, offset, limit),
    'import:editCell': ({ sessionId, row, column, value }) =>
      imports.editCell(sessionId, row, column, value),
    'import:skipRows': ({ sessionId, rows, skip }) => imports.skipRows(sessionId, rows, skip),
    'import:summary': ({ sessionId }) => imports.summary(sessionId),
    'import:sessionReport': ({ sessionId }) => imports.sessionReport(sessionId),
    'import:close': ({ sessionId }) => {
      imports.close(sessionId);
      return null;
    },
    'import:start': ({ sessionId, rows, sendAgain, sample }) =>
      imports.start(sessionId, rows, target, { sendAgain, sample }),
    'import:pause': ({ jobId }) => imports.pause(jobId),
    'import:resume': ({ jobId }) => imports.resume(jobId),
    'import:cancel': ({ jobId }) => imports.cancel(jobId),
    'import:live': () => imports.live(),
    'import:interrupted': () => imports.interrupted(destinationOf),
    'import:continue': ({ jobId }) => imports.continueJob(jobId, target),
    'import:reopen': ({ jobId }) => imports.reopen(jobId),
    'import:dismiss': ({ jobId }) => imports.dismiss(jobId),
    'import:jobs': () => imports.jobs(),
    'import:jobReport': ({ jobId }) => imports.jobReport(jobId),
  };
}

/** Registers the `import:*` channels. */
export function registerImportHandlers(
  ipc: IpcMainLike,
  services: ImportIpcServices,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, importHandlers(services), options);
}
