import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { createAppProtocolHandler } from '../main/protocol';
import { checkHostAccess, describeRefusal } from './host-access';
import { rewriteIndexHtml } from './host-page';
import { HOST_PATHS } from './host-protocol';
import type { FileRegistry } from '../import-sessions/file-registry';
import type { UploadStore } from './host-upload';

export interface HostHttpOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  access: { token: string; origin: string };
  /** The page policy, see `browserHostCsp`. */
  csp: string;
  uploads: UploadStore;
  /** Where an uploaded copy is registered: the page gets its handle, never its path. */
  files: Pick<FileRegistry, 'register'>;
  /** The bundled bridge script. */
  bridgeScript: () => Promise<string>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Uint8Array,
  csp: string,
): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string, csp: string): void {
  send(response, status, 'text/plain; charset=utf-8', text, csp);
}

async function serveUpload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  options: HostHttpOptions,
): Promise<void> {
  if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed', options.csp);
  const access = checkHostAccess(request, options.access);
  if (access !== 'ok') {
    const refusal = describeRefusal(access);
    request.resume();
    return sendText(response, refusal.status, refusal.message, options.csp);
  }
  const name = url.searchParams.get('name') ?? '';
  const filePath = await options.uploads.save(request, name);
  // As the preload's channel answers in Electron: the handle and the name, never the copy's path.
  const value = options.files.register(filePath);
  send(response, 200, 'application/json', JSON.stringify({ ok: true, value }), options.csp);
}

async function serveIndex(response: ServerResponse, options: HostHttpOptions): Promise<void> {
  const html = await readFile(path.join(options.rendererDir, 'index.html'), 'utf8');
  send(response, 200, 'text/html; charset=utf-8', rewriteIndexHtml(html, options.csp), options.csp);
}

/**
 * The host's HTTP side: the page (index.html with the bridge and the host's CSP), the bridge
 * script, token-protected uploads (registered, answered by handle), and every other built file through the production app://
 * handler, with the host's CSP in place of production's.
 */
export function createHostHttpHandler(options: HostHttpOptions): Handler {
  const serveStatic = createAppProtocolHandler({
    rootDir: options.rendererDir,
    readFile: (filePath) => readFile(filePath),
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', options.access.origin);
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (url.pathname === HOST_PATHS.upload) return serveUpload(request, response, url, options);
    if (isRead && url.pathname === HOST_PATHS.bridge) {
      const script = await options.bridgeScript();
      return send(response, 200, 'text/javascript; charset=utf-8', script, options.csp);
    }
    if (isRead && (url.pathname === '/' || url.pathname === '/index.html')) {
      return serveIndex(response, options);
    }

    const answer = await serveStatic(new Request(url, { method: request.method ?? 'GET' }));
    const body = new Uint8Array(await answer.arrayBuffer());
    const headers = Object.fromEntries(answer.headers);
    headers['content-security-policy'] = options.csp;
    response.writeHead(answer.status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('browser host: a request failed', error);
      if (!response.headersSent) sendText(response, 500, 'The browser host failed.', options.csp);
      else response.destroy();
    });
  };
}
