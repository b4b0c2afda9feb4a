import { UserError } from '../../../shared/user-error';

/** The ledger of sent events cannot be read or written; the message says what to do. */
export class LedgerError extends UserError {
  override readonly name = 'LedgerError';

  constructor(message: string, options?: { cause?: unknown }) {
    super('refused', message, options);
  }
}
