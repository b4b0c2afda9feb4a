import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { AppApi } from '../../shared/ipc';
import { createApi } from './create-api';

// The page gets only these named functions: no ipcRenderer, no raw events, no process
// (docs/security.md item 10). Event listeners receive the payload alone, never the
// IpcRendererEvent.
const api = createApi((channel, payload) => ipcRenderer.invoke(channel, payload), {
  subscribe: (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.removeListener(channel, forward);
  },
  getPathForFile: (file) => Promise.resolve(webUtils.getPathForFile(file as File)),
  failuresAsData: true,
}) satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
