// First: it must run before any schema is created (see the file).
import './zod-jitless';
import { createApi } from '../../preload/create-api';
import { HOST_PATHS, TOKEN_PARAM } from '../host-protocol';
import type { PageGlobals } from './browser-types';
import { createHostClient } from './host-client';
import { uploadFile } from './upload-file';

// Runs in the page, before the app's own script, in place of Electron's preload: it installs the
// same window.api, built by the same createApi, over the host's WebSocket.

const page = globalThis as unknown as PageGlobals;
const token = new URLSearchParams(page.location.search).get(TOKEN_PARAM) ?? '';
const socketUrl = `ws://${page.location.host}${HOST_PATHS.socket}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
const client = createHostClient(socketUrl, (url) => new page.WebSocket(url));

const api = createApi(client.invoke, {
  subscribe: client.subscribe,
  registerFile: (file) =>
    uploadFile(file, { origin: page.location.origin, token }, (url, init) => fetch(url, init)),
});

// Not writable, not configurable: like contextBridge's, the page cannot swap it out.
Object.defineProperty(globalThis, 'api', { value: api, enumerable: true });
