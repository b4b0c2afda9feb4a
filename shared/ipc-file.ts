import { z } from 'zod';

// How a file the user picked or dropped is named between the page and the main process: never by
// its path. The main process keeps the path and answers an opaque handle
// (electron/import-sessions/file-registry.ts); channels that read a file take the handle.

/** An opaque handle for a registered file (random; it says nothing about the file). */
export const fileHandleSchema = z.string().min(1).max(128);

/** What `window.api.registerFile` answers: the handle, and the file's name to show. */
export const registeredFileSchema = z.object({
  handle: fileHandleSchema,
  name: z.string(),
});
export type RegisteredFile = z.infer<typeof registeredFileSchema>;

/** A handle the main process does not know: forged, or forgotten (the app restarted, say). */
export const FILE_HANDLE_GONE = 'This file is no longer open in the app. Choose it again.';

/** A file with no path on disk (made in the page, not picked or dropped), or no absolute one. */
export const FILE_NOT_ON_DISK = 'The app could not find this file on disk. Please choose it again.';
