import { ReadError, type ReadErrorCode } from '../reader-error';

/** Why a workbook cannot be read, more exactly than the `ReadError` it is. */
export type WorkbookProblem =
  /** A password-protected workbook: an OLE file holding EncryptionInfo and EncryptedPackage. */
  | 'encrypted'
  /** An Excel binary workbook (.xlsb): a zip holding xl/workbook.bin. */
  | 'xlsb'
  /** An Excel 97-2003 workbook (.xls), or another OLE file. */
  | 'xls'
  /** A zip that cannot be read: cut short, its directory or an entry damaged. */
  | 'damaged'
  /** A readable zip, or another file, that holds no workbook. */
  | 'not_workbook'
  /** The sheet asked for is not in the workbook. */
  | 'no_such_sheet'
  /** The sheet asked for holds a chart or a dialog, not cells. */
  | 'not_worksheet'
  /** The sheet has no header row to read, or nothing at all. */
  | 'empty'
  /** The workbook is larger than the reader takes (its texts, its styles). */
  | 'too_large';

const REASON: Record<WorkbookProblem, ReadErrorCode> = {
  encrypted: 'unreadable',
  xlsb: 'not_text',
  xls: 'not_text',
  damaged: 'unreadable',
  not_workbook: 'not_text',
  no_such_sheet: 'bad_option',
  not_worksheet: 'bad_option',
  empty: 'empty',
  too_large: 'record_too_large',
};

/**
 * A workbook that cannot be read, with a plain sentence for the person who chose it. It is a
 * `ReadError`, so every caller that handles a CSV file's read errors handles it too.
 */
export class WorkbookError extends ReadError {
  readonly problem: WorkbookProblem;

  constructor(problem: WorkbookProblem, message: string, options?: { cause?: unknown }) {
    super(REASON[problem], message, options);
    this.problem = problem;
  }
}
