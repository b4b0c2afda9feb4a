import path from 'node:path';
import { PRODUCTION_CSP } from './csp';

/** The scheme and host the production UI is served from: `app://app/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'app';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}`;

/**
 * How app:// is registered before ready: standard (relative URLs and a real origin), secure (like
 * https, so the page is a secure context) and open to fetch (module scripts load through it). No
 * CSP bypass, no service workers, no CORS exemption.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes (and nosniff). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

// Encoded separators, backslashes and NUL would be decoded into something the file system treats
// differently from what the URL showed; nothing in the built UI needs them, so they are refused
// outright rather than interpreted. A colon would be a drive (`C:`) or an NTFS stream on Windows.
const FORBIDDEN_RAW = /%2f|%5c|%00|\\|\0/i;

/**
 * Maps a URL pathname onto a file under `rootDir`, or null when the path could leave `rootDir`
 * (`..`, encoded traversal, absolute or drive paths, backslashes, NUL) or is not a plain file path.
 * `/` is `index.html`.
 */
export function resolveAppPath(rootDir: string, pathname: string): string | null {
  if (!pathname.startsWith('/') || FORBIDDEN_RAW.test(pathname)) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (
      segment === '' ||
      segment === '.' ||
      segment === '..' ||
      segment.includes(':') ||
      FORBIDDEN_RAW.test(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  // Belt and braces: whatever the checks above missed, the result must stay inside the root.
  const inside = path.relative(root, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}

/** Headers every app:// response carries, including errors. */
function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': PRODUCTION_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

export interface AppProtocolHandlerOptions {
  /** Folder of the built renderer (`out/renderer`). */
  rootDir: string;
  /** Reads a whole file; rejects when it is missing. */
  readFile: (absolutePath: string) => Promise<Uint8Array>;
}

/**
 * The handler behind `protocol.handle('app', ...)`: serves the built renderer with the production
 * CSP. It looks only at the URL's pathname, so the same handler also serves the UI over
 * http://127.0.0.1 in the browser tests.
 */
export function createAppProtocolHandler(
  options: AppProtocolHandlerOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed');
    }
    let pathname: string;
    try {
      pathname = new URL(request.url).pathname;
    } catch {
      return plain(404, 'Not found');
    }
    const filePath = resolveAppPath(options.rootDir, pathname);
    if (filePath === null) return plain(404, 'Not found');

    let body: Uint8Array;
    try {
      body = await options.readFile(filePath);
    } catch {
      // Missing, a directory or unreadable: the page gets the same answer, and no file system detail.
      return plain(404, 'Not found');
    }
    const headers = securityHeaders(contentTypeFor(filePath));
    headers.set('Content-Length', String(body.byteLength));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    });
  };
}
