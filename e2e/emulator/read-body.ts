import type { IncomingMessage } from 'node:http';

/** The body, or null when it passed `maxBytes` (the rest was read and thrown away). */
export interface ReadBody {
  body: Buffer | null;
  bytes: number;
  /** The client went away before the body ended: nothing to answer. */
  aborted: boolean;
}

/**
 * Reads a request body keeping at most `maxBytes` in memory. Past the cap it keeps reading and
 * discarding, so the client finishes sending and can read the 400 instead of seeing a broken
 * pipe, while a huge body costs no memory.
 */
export function readBodyCapped(request: IncomingMessage, maxBytes: number): Promise<ReadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.byteLength;
      if (tooLarge) return;
      if (bytes > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    const finish = (aborted: boolean) =>
      resolve({ body: tooLarge || aborted ? null : Buffer.concat(chunks), bytes, aborted });
    request.on('end', () => finish(false));
    request.on('error', () => finish(true));
    // After 'end' this resolves nothing new (a promise settles once).
    request.on('close', () => finish(!request.complete));
  });
}
