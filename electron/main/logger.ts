import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../store/private-files';
import { createRedactor } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  readonly filePath: string;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
  /** From now on, `value` is written as `[redacted]` wherever it appears (the API key). */
  registerSecret(value: string): void;
  /** The text with every registered secret and `customerscore-key` value masked. */
  redact(text: string): string;
}

export interface LoggerOptions {
  /** `<dataDir>/logs/main.log`, see {@link logFilePath}. */
  filePath: string;
  /** Size after which the file is rotated to `main.1.log` (the previous one is dropped). */
  maxBytes?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_LOG_BYTES = 5 * 1024 * 1024;

/** Where the main process log lives inside the data directory. */
export function logFilePath(dataDir: string): string {
  return path.join(dataDir, 'logs', 'main.log');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return (JSON.stringify(error) as string | undefined) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * The main process log: one line per entry (`<ISO time> <LEVEL> <message>`, continuation lines
 * indented), appended synchronously so the last words before a crash are on disk, capped in size
 * with one rotation, and passed through the redactor so the API key never reaches the file.
 * Writing never throws: a full disk must not take the app down with it.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { filePath } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const now = options.now ?? (() => new Date());
  const redactor = createRedactor();
  const rotatedPath = filePath.replace(/(\.log)?$/, '.1.log');

  function rotateIfFull(incoming: number): void {
    let size: number;
    try {
      size = fs.statSync(filePath).size;
    } catch {
      return;
    }
    if (size > 0 && size + incoming > maxBytes) fs.renameSync(filePath, rotatedPath);
  }

  function write(level: LogLevel, message: string, error?: unknown): void {
    const text = error === undefined ? message : `${message}\n${describeError(error)}`;
    const body = redactor.redact(text).replace(/\r?\n/g, '\n    ');
    const line = `${now().toISOString()} ${level.toUpperCase()} ${body}\n`;
    try {
      fs.mkdirSync(path.dirname(filePath), { recursive: true, mode: PRIVATE_DIR_MODE });
      rotateIfFull(Buffer.byteLength(line));
      fs.appendFileSync(filePath, line, { mode: PRIVATE_FILE_MODE });
    } catch {
      // See above: logging is best effort.
    }
  }

  return {
    filePath,
    info: (message) => write('info', message),
    warn: (message, error) => write('warn', message, error),
    error: (message, error) => write('error', message, error),
    registerSecret: (value) => redactor.registerSecret(value),
    redact: (text) => redactor.redact(text),
  };
}
