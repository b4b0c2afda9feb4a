import { PRODUCTION_CSP } from '../main/csp';
import { HOST_PATHS } from './host-protocol';

const CLOSED_CONNECT = "connect-src 'none'";

/**
 * The browser host's page policy: production's, except that the page may talk to its own origin
 * (uploads) and its own WebSocket (the bridge). Everything else stays, `script-src 'self'` first:
 * the bridge is a file, not an inline script. Development and tests only.
 */
export function browserHostCsp(origin: string): string {
  if (!PRODUCTION_CSP.includes(CLOSED_CONNECT)) {
    throw new Error('The production CSP no longer closes connect-src; update browserHostCsp.');
  }
  const ws = `ws://${new URL(origin).host}`;
  return PRODUCTION_CSP.replace(CLOSED_CONNECT, `connect-src 'self' ${ws}`);
}

const META_CSP = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/i;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The built index.html as the host serves it: the meta CSP (which would still close connect-src,
 * since a page obeys every policy it is given) carries the host's policy instead, and the bridge
 * script comes before the app's first script, so `window.api` exists when the app starts.
 */
export function rewriteIndexHtml(html: string, csp: string): string {
  // frame-ancestors is ignored (with a console error) in a meta tag: header only.
  const metaPolicy = csp
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('frame-ancestors'))
    .join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(metaPolicy)}">`;
  const withMeta = META_CSP.test(html)
    ? html.replace(META_CSP, meta)
    : html.replace(/<head>/i, `<head>\n    ${meta}`);

  const bridge = `<script src="${HOST_PATHS.bridge}"></script>\n    `;
  const firstScript = withMeta.search(/<script\b/i);
  if (firstScript >= 0) {
    return withMeta.slice(0, firstScript) + bridge + withMeta.slice(firstScript);
  }
  const headEnd = withMeta.search(/<\/head>/i);
  if (headEnd < 0)
    throw new Error('index.html has neither a script nor a </head> to put the bridge before.');
  return withMeta.slice(0, headEnd) + bridge + withMeta.slice(headEnd);
}
