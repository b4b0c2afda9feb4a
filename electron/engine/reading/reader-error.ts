import { UserError } from '../../../shared/user-error';

/**
 * Why a file cannot be read at all (as opposed to a row problem, which is a `RowIssue`). The
 * message is written for the person who picked the file: what is wrong and what to do about it.
 */
export type ReadErrorCode =
  | 'not_found'
  | 'unreadable'
  | 'not_text'
  | 'empty'
  | 'bad_encoding'
  | 'unknown_encoding'
  | 'bad_option'
  | 'record_too_large'
  | 'unclosed_quote';

export class ReadError extends UserError {
  override readonly name = 'ReadError';
  /** What exactly is wrong with the file, for tests and the log (the user reads the message). */
  readonly reason: ReadErrorCode;

  constructor(reason: ReadErrorCode, message: string, options?: { cause?: unknown }) {
    super('unreadable', message, options);
    this.reason = reason;
  }
}

/** Turns a failed open, stat or read into a plain message about the file. */
export function readErrorFromSystem(error: unknown, fileName: string): ReadError {
  if (error instanceof ReadError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const cause = { cause: error };
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ReadError(
        'not_found',
        `${fileName} was not found. It may have been moved, renamed or deleted: choose the file again.`,
        cause,
      );
    case 'EISDIR':
      return new ReadError(
        'unreadable',
        `${fileName} is a folder, not a file. Open the folder and choose the CSV file inside it.`,
        cause,
      );
    case 'EACCES':
    case 'EPERM':
      return new ReadError(
        'unreadable',
        `You do not have permission to read ${fileName}. Copy the file somewhere you can open it, such as your Documents folder, and choose the copy.`,
        cause,
      );
    case 'EBUSY':
      return new ReadError(
        'unreadable',
        `${fileName} is locked by another program. Close it there (for example in Excel) and try again.`,
        cause,
      );
    default:
      return new ReadError(
        'unreadable',
        `${fileName} could not be read (${typeof code === 'string' ? code : 'unknown error'}). Check that the file is still there and that you can open it, then try again.`,
        cause,
      );
  }
}
