import { Writable } from 'node:stream';
import { createRedactor } from '../main/redact';
import type { CliIo } from './cli-io';

/**
 * A stream that writes to `target` what it is given with every secret masked, as the log does
 * (electron/main/redact.ts). Each write is masked whole: the CLI writes a message in one write, so
 * a key is never split across two. Writes pass straight through (no buffering of its own), so the
 * order of stdout and stderr stays as it was, and the target's own error handling (a closed pipe,
 * electron/cli/index.ts) still applies.
 */
function maskedStream<T extends Writable & { isTTY?: boolean; columns?: number }>(
  target: T,
  redact: (text: string) => string,
): Writable & { isTTY?: boolean; columns?: number } {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, callback) {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString();
      target.write(redact(text));
      callback();
    },
  });
  // The progress view and the key prompt look at these; a terminal's width can change meanwhile.
  return Object.defineProperties(stream, {
    isTTY: { get: () => target.isTTY },
    columns: { get: () => target.columns },
  }) as Writable & { isTTY?: boolean; columns?: number };
}

/**
 * The command line's world with everything it prints going through the log's key masking: every
 * key the secret store hands out (`registerSecret`, wired in electron/cli/cli-context.ts), the one
 * in CUSTOMERSCORE_KEY, and whatever follows a `customerscore-key` header name. Messages are
 * written not to quote a key; this is what still holds when one does (a server's echo, a
 * library's error, a key pasted into the wrong flag).
 */
export function withMaskedOutput(io: CliIo): CliIo {
  const redactor = createRedactor();
  const fromEnv = io.env['CUSTOMERSCORE_KEY'];
  if (fromEnv !== undefined) redactor.registerSecret(fromEnv);
  const redact = (text: string): string => redactor.redact(text);
  return {
    ...io,
    stdout: maskedStream(io.stdout, redact),
    stderr: maskedStream(io.stderr, redact),
    registerSecret: (key) => {
      io.registerSecret?.(key);
      redactor.registerSecret(key);
    },
  };
}
