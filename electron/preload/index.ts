import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { AppApi } from '../../shared/ipc';
import { createApi, registerByPath } from './create-api';

// The page gets only these named functions: no ipcRenderer, no raw events, no process
// (docs/security.md item 10). Event listeners receive the payload alone, never the
// IpcRendererEvent.
const api = createApi((channel, payload) => ipcRenderer.invoke(channel, payload), {
  subscribe: (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.removeListener(channel, forward);
  },
  // The path stays in the preload: it goes to the main process over a channel the page cannot
  // call, and the page gets a handle (docs/security.md item 21).
  registerFile: registerByPath(
    (file) => webUtils.getPathForFile(file as File),
    (channel, payload) => ipcRenderer.invoke(channel, payload),
  ),
  failuresAsData: true,
}) satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
