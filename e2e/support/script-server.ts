import { createServer } from 'node:http';
import { closeServer, listenOnLoopback } from './listen';

/** A stand-in for an attacker's host: serves a script and records every request it receives. */
export interface ScriptServer {
  /** Origin of the server, e.g. `http://127.0.0.1:43123`. */
  origin: string;
  /** Paths requested so far; stays empty while the page's CSP blocks the script. */
  requests: string[];
  close: () => Promise<void>;
}

export async function startScriptServer(scriptBody: string): Promise<ScriptServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '/');
    response.writeHead(200, {
      'content-type': 'text/javascript',
      'access-control-allow-origin': '*',
    });
    response.end(scriptBody);
  });
  const origin = await listenOnLoopback(server);
  return { origin, requests, close: () => closeServer(server) };
}
