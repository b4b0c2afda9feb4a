import type { Refused } from '../../../shared/ipc-settings';
import { plainMessage } from '../../store/user-errors';

export { plainMessage };

/** A user-facing error as a `refused` answer; any other error is thrown on. */
export function refusal(error: unknown): Refused {
  const message = plainMessage(error);
  if (message === undefined) throw error;
  return { outcome: 'refused', message };
}
