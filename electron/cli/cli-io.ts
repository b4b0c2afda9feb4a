import type { Readable, Writable } from 'node:stream';

/** What a command may touch of its process: passed in so tests run commands in-process. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Registers a Ctrl+C handler; returns the function that removes it. */
  onInterrupt(handler: () => void): () => void;
  /**
   * From now on, `key` is masked in everything the command prints. Set by `runCli`
   * (electron/cli/masked-output.ts); the secret store tells it every key it hands out.
   */
  registerSecret?: (key: string) => void;
}

/** Exit codes of every command (documented in the README). */
export const EXIT = {
  /** Every row valid and every event accepted. */
  ok: 0,
  /** Finished, but some rows were invalid or rejected (all of them in the report). */
  someRowsNotSent: 1,
  /** Usage error or fatal error: bad mapping, unreadable file, 401/403, retries exhausted. */
  fatal: 2,
} as const;

/** An error whose message is for the person at the terminal; exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.fatal,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function line(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}
