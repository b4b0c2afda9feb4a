const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/** What the filter learns about a request (from Electron's `onBeforeRequest` details). */
export interface RequestDetails {
  url: string;
  /** Whether a page made the request; the main process's own `net` requests have no page. */
  fromPage: boolean;
}

/**
 * Whether a request may go out (docs/security.md item 11: all network traffic leaves from the main
 * process). Pages may load from app:// and other local schemes, never from the network or the
 * file system; while developing, also from the dev server. Requests the main process makes itself
 * (Electron's `net`, which shares the session) are not the page's and pass. A second wall behind
 * the CSP's `connect-src 'none'`.
 */
export function createRequestFilter(options: {
  devServerUrl?: URL | null;
}): (request: RequestDetails) => boolean {
  const devOrigin = options.devServerUrl?.origin ?? null;
  return ({ url, fromPage }) => {
    if (!fromPage) return true;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (!NETWORK_SCHEMES.has(parsed.protocol)) return true;
    if (devOrigin === null) return false;
    if (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') {
      // Vite's hot-reload socket: same host and port as the dev server.
      return parsed.host === new URL(devOrigin).host;
    }
    return parsed.origin === devOrigin;
  };
}
