import type { Session } from 'electron';
import { devCsp } from './csp';
import { denyAllPermissions } from './permissions';
import { createRequestFilter } from './request-filter';

/**
 * Locks down the session the window uses: no permissions, no page request to the network or the
 * file system, and while developing the relaxed CSP on the dev server's responses (the production
 * CSP comes with every app:// response).
 */
export function hardenSession(session: Session, devServerUrl: URL | null): void {
  denyAllPermissions(session);

  const allow = createRequestFilter({ devServerUrl });
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({
      cancel: !allow({ url: details.url, fromPage: details.webContentsId !== undefined }),
    });
  });

  if (devServerUrl) {
    const policy = devCsp(devServerUrl.origin);
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
      });
    });
  }
}
