import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createAppProtocolHandler } from '../../electron/main/protocol';
import { closeServer, listenOnLoopback } from './listen';

/** The production renderer build, as `vite build --config renderer/vite.config.ts` writes it. */
export const rendererBuildDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export interface AppServer {
  /** URL of the app's index page, e.g. `http://127.0.0.1:43123/index.html`. */
  url: string;
  /** Origin of the server, e.g. `http://127.0.0.1:43123`. */
  origin: string;
  close: () => Promise<void>;
}

/**
 * Serves the renderer build over HTTP through the production app:// protocol handler, so tests see
 * the same files, status codes and headers (the CSP among them) that Electron's window gets.
 */
export async function startAppServer(rootDir: string = rendererBuildDir): Promise<AppServer> {
  const handle = createAppProtocolHandler({ rootDir, readFile: (path) => readFile(path) });
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    toWebRequest(incoming, origin)
      .then(handle)
      .then((response) => sendWebResponse(response, incoming, outgoing))
      .catch((error: unknown) => {
        console.error('app server: the protocol handler failed', error);
        outgoing.statusCode = 500;
        outgoing.end();
      });
  });
  origin = await listenOnLoopback(server);
  return { url: `${origin}/index.html`, origin, close: () => closeServer(server) };
}

async function toWebRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) headers.append(name, item);
    }
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? await readBody(incoming) : undefined,
  });
}

async function readBody(incoming: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sendWebResponse(
  response: Response,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  const body = incoming.method === 'HEAD' ? undefined : await response.arrayBuffer();
  outgoing.end(body === undefined ? undefined : Buffer.from(body));
}
