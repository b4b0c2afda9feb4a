const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL (electron-vite's `ELECTRON_RENDERER_URL`) when it may be used: only in an
 * unpackaged app and only on this computer. A packaged app ignores the variable entirely, so nobody
 * can point a release at a remote page by setting an environment variable.
 */
export function resolveDevServerUrl(value: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || !value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) return null;
  return url;
}
