import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { registerAllHandlers } from '../main/ipc/index';
import type { IpcServices } from '../main/ipc/index';
import { createTrustedSenderCheck } from '../main/ipc/trusted-sender';
import { createLogger, logFilePath } from '../main/logger';
import { environmentCodePage } from '../engine/reading/system-code-page';
import { createMainServices } from '../main/services';
import type { EmitIpcEvent } from '../main/services';
import { defaultAppDataDir, resolveDataDir } from '../store/paths';
import { createMemoryKeyring } from '../store/secrets-memory';
import type { Updater } from '../main/updates/update-service';
import { bundleBridgeScript } from './bridge-bundle';
import { createHostToken } from './host-access';
import { createEventHub } from './host-events';
import { createHostHttpHandler } from './host-http';
import { createHostIpc } from './host-ipc';
import { browserHostCsp } from './host-page';
import { TOKEN_PARAM } from './host-protocol';
import { attachHostSocket } from './host-socket';
import { createUploadStore } from './host-upload';
import { readPackageIdentity } from './package-identity';

/** Thrown when there is no renderer build to serve. */
export class RendererNotBuiltError extends Error {
  constructor(rendererDir: string) {
    super(`There is no built renderer in ${rendererDir}. Run \`npm run build:renderer\` first.`);
    this.name = 'RendererNotBuiltError';
  }
}

export interface BrowserHostOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** The environment the services see; `process.env` by default. */
  env?: Record<string, string | undefined>;
  /**
   * The data directory. By default CUSTOMERSCORE_HOME when set (a folder asked for by name), else
   * a fresh temporary one, removed on close; with `realProfile`, `resolveDataDir(env, <OS app-data
   * folder>)`, the folder the app itself uses.
   */
  dataDir?: string;
  /**
   * The real profile (`npm run dev:browser -- --real-profile`): the app's own data directory and
   * the OS keychain. Off by default, so a development host never reads or changes the profiles,
   * journals and API keys of the app installed on the same computer: keys live in memory.
   */
  realProfile?: boolean;
  /** Port on 127.0.0.1; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Replaces some of the services `createMainServices` built (fakes, test endpoints). */
  services?: Partial<IpcServices>;
  /** The event schemas to forward; the contract's by default (tests pass their own). */
  eventSchemas?: Record<string, z.ZodType>;
  /** Where uploaded copies go; `os.tmpdir()/customerscore-host-<pid>` by default. */
  uploadBase?: string;
  /**
   * What the Updates section of Settings talks to: e2e tests pass a scripted updater
   * (electron/dev/scripted-updater.ts) and drive it. Without one, the host does not update.
   */
  updater?: Updater | null;
}

export interface BrowserHost {
  /** The address to open: the page, with the access token. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  token: string;
  dataDir: string;
  /** Whether `dataDir` is a temporary folder this host made (and removes on close). */
  temporaryDataDir: boolean;
  /** Where API keys go: a keychain in memory (the default) or the OS keychain (`realProfile`). */
  keychain: 'memory' | 'os';
  /** Sends a contract event to every connected page (checked against its schema first). */
  emit: EmitIpcEvent;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 with the SAME handlers the main process binds
 * (`registerAllHandlers` over `createMainServices`), reached through a token-protected WebSocket
 * from a bridge that installs the same `window.api`. New contract channels need no change here.
 * Development and tests only: never packaged.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new RendererNotBuiltError(options.rendererDir);
  }
  const env = options.env ?? process.env;
  const realProfile = options.realProfile === true;
  const namedDataDir =
    options.dataDir ??
    (realProfile || env['CUSTOMERSCORE_HOME']?.trim()
      ? resolveDataDir(env, defaultAppDataDir(process.platform, env, os.homedir()))
      : undefined);
  // mkdtemp makes it 0700: only this user reads what the host's imports write into it.
  const dataDir =
    namedDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'customerscore-host-data-')));
  const removeTemporaryDataDir = async (): Promise<void> => {
    if (namedDataDir === undefined) await rm(dataDir, { recursive: true, force: true });
  };
  const token = createHostToken();
  const hub = createEventHub(options.eventSchemas);
  const emit: EmitIpcEvent = (channel, payload) => hub.emit(channel, payload);
  const ipc = createHostIpc();
  const uploads = await createUploadStore(options.uploadBase);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await uploads.dispose();
    await removeTemporaryDataDir();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const access = { token, origin };

  const logger = createLogger({ filePath: logFilePath(dataDir) });
  const services = {
    ...createMainServices({
      dataDir,
      env,
      app: await readPackageIdentity(),
      // No Electron here to ask: the locale of the environment, as the command line reads it.
      systemCodePage: environmentCodePage(env),
      platform: process.platform,
      emit,
      registerSecret: (key) => logger.registerSecret(key),
      ...(realProfile ? {} : { keyring: createMemoryKeyring() }),
      logError: (what, error) => logger.error(what, error),
      updater: options.updater ?? null,
      updateUnavailableReason:
        'The browser host does not update itself: updates come to the installed app only.',
    }),
    ...options.services,
  };
  registerAllHandlers(ipc, services, {
    isTrustedSender: createTrustedSenderCheck({ devServerUrl: new URL(origin) }),
    onError: (channel, error) => logger.error(`IPC ${channel} failed`, error),
  });

  const csp = browserHostCsp(origin);
  server.on(
    'request',
    createHostHttpHandler({
      rendererDir: options.rendererDir,
      access,
      csp,
      uploads,
      files: services.files,
      bridgeScript: bundleBridgeScript,
    }),
  );
  const socket = attachHostSocket(server, { access, ipc, hub, frameUrl: `${origin}/` });
  // As the app does once its window is open: checks at start when automatic.
  void services.updates.start();

  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    token,
    dataDir,
    temporaryDataDir: namedDataDir === undefined,
    keychain: realProfile ? 'os' : 'memory',
    emit,
    async close() {
      services.updates.stop();
      socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await uploads.dispose();
      await removeTemporaryDataDir();
    },
  };
}
