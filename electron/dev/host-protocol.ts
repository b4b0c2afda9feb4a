import { z } from 'zod';

/**
 * The messages between the page's bridge and the browser host, over one WebSocket, as JSON text.
 * They stand in for Electron's `ipcRenderer.invoke` / `webContents.send`: the page asks with an id
 * and the host answers with the same id; events carry no id. Payloads are plain JSON, so a contract
 * schema that needs more (a Date, a Map, bytes) would need a richer encoding here.
 */

/** Page -> host: one request. A missing `payload` is the same as `undefined` in Electron. */
export const hostRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string(),
  payload: z.unknown().optional(),
});
export type HostRequest = z.infer<typeof hostRequestSchema>;

/** Host -> page: the answer to request `id` (the registrar's `{ ok, ... }` envelope). */
export const hostReplySchema = z.object({
  id: z.number().int().nonnegative(),
  result: z.unknown(),
});
export type HostReply = z.infer<typeof hostReplySchema>;

/** Host -> page: one event of the contract, already checked against its schema. */
export const hostEventSchema = z.object({ event: z.string(), payload: z.unknown() });
export type HostEvent = z.infer<typeof hostEventSchema>;

/** Where the page's bridge script, WebSocket and uploads live on the host. */
export const HOST_PATHS = {
  bridge: '/__host/bridge.js',
  socket: '/__host/ws',
  upload: '/__host/upload',
} as const;

/** The query parameter that carries the access token, in the page URL and on every host call. */
export const TOKEN_PARAM = 'token';
