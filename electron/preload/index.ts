import { contextBridge, ipcRenderer } from 'electron';
import type { AppApi } from '../../shared/ipc';
import { createApi } from './create-api';

// The page gets only these named functions: no ipcRenderer, no events, no process (SECURITY.md 10).
const api = createApi((channel, payload) => ipcRenderer.invoke(channel, payload)) satisfies AppApi;

contextBridge.exposeInMainWorld('api', api);
