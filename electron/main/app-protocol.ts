import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';

/** Declares app:// privileged (see APP_SCHEME_PRIVILEGES); Electron accepts this only before ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

/** Serves the built renderer folder on app:// (after ready). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: rendererDir, readFile: (file) => fs.readFile(file) }),
  );
}
