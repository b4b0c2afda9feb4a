import { z } from 'zod';
import type { IpcRequestSpec } from './ipc';

// The installed app's updates (`updates:*`): where checking, downloading and "Restart to update"
// stand, and the "Check for updates automatically" choice. The main process decides everything
// (electron/main/updates/update-service.ts); the Settings screen only shows it and asks.

/** Where the update of this installation stands. */
export const updateStateSchema = z.discriminatedUnion('kind', [
  /** Not checked since the app started (automatic checks off, or the first check not run yet). */
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  /** The feed has nothing newer than the installed version; `checkedAt` is an ISO time. */
  z.object({ kind: z.literal('upToDate'), checkedAt: z.string() }),
  z.object({
    kind: z.literal('downloading'),
    version: z.string(),
    /** 0 to 100, whole numbers. */
    percent: z.int().min(0).max(100),
  }),
  /** Downloaded and checked: restarting installs it. */
  z.object({ kind: z.literal('ready'), version: z.string() }),
  /** "Restart to update" pressed: the imports are being stopped (resumably), then the app quits. */
  z.object({ kind: z.literal('restarting'), version: z.string() }),
  /** The check or the download failed; `message` says why and what to do, in a sentence. */
  z.object({ kind: z.literal('failed'), message: z.string() }),
  /** This build cannot update itself (a development build, a Linux .deb); `message` says why. */
  z.object({ kind: z.literal('unavailable'), message: z.string() }),
]);
export type UpdateState = z.infer<typeof updateStateSchema>;

/** What `updates:status` (and every other `updates:*` channel and event) answers. */
export const updateStatusSchema = z.object({
  state: updateStateSchema,
  /** The installed version, `0.1.0`. */
  currentVersion: z.string(),
  /** "Check for updates automatically": at start and once a day (settings.json, on by default). */
  automatic: z.boolean(),
  /**
   * An import is being sent (running, not paused): the app does not restart now. A downloaded
   * update waits; "Restart to update" asked for meanwhile happens when the import ends or pauses.
   */
  importRunning: z.boolean(),
  /** "Restart to update" was asked for while an import runs: it happens once the import stops. */
  restartPending: z.boolean(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const setAutomaticRequestSchema = z.strictObject({ automatic: z.boolean() });

/** The `updates:*` request channels, merged into `ipcRequests` in `ipc.ts`. */
export const updatesRequests = {
  'updates:status': { request: z.undefined(), response: updateStatusSchema },
  /** "Check now": checks whatever the automatic choice, and downloads what it finds. */
  'updates:check': { request: z.undefined(), response: updateStatusSchema },
  /** "Restart to update": now, or once the running import ends or pauses. */
  'updates:restart': { request: z.undefined(), response: updateStatusSchema },
  'updates:setAutomatic': { request: setAutomaticRequestSchema, response: updateStatusSchema },
} as const satisfies Record<string, IpcRequestSpec>;

/** The `updates:*` event channels, merged into `ipcEvents` in `ipc.ts`. */
export const updatesEvents = {
  /** Sent whenever the status changes (a check, download progress, an import starting or ending). */
  'updates:changed': updateStatusSchema,
} as const;
