import { checkEndpoint } from '../../../shared/api';
import type { JobSettings } from './journal-records';

/** Where events go: a tracker key at an endpoint (never the API key, which no journal holds). */
export interface Destination {
  trackerKey: string;
  endpoint: string;
}

/** Why a resume may not send where its journal says, in plain words; null when it may. */
export type DestinationProblem =
  | { reason: 'destination_not_allowed'; message: string }
  | { reason: 'destination_changed'; message: string };

function named(where: Destination): string {
  return `tracker key ${where.trackerKey} at ${where.endpoint}`;
}

/**
 * A resume sends the API key only where the job was started, and only while the caller (the
 * profile, or the CLI's flags) still sends there: the journal is a file anyone who can write the
 * data directory can edit, so its endpoint must pass the same check as a new send's (https, or
 * http only to this computer) and equal the caller's, and so must its tracker key.
 */
export function resumeDestinationProblem(
  fileName: string,
  journal: Pick<JobSettings, 'trackerKey' | 'endpoint'>,
  current: Destination,
): DestinationProblem | null {
  const started = checkEndpoint(journal.endpoint);
  const now = checkEndpoint(current.endpoint);
  const both = `The record of the import of ${fileName} says it was started for ${named(journal)}; this resume would send to ${named(current)}.`;
  if (!started.ok) {
    return {
      reason: 'destination_not_allowed',
      // Every sentence of checkEndpoint starts "The endpoint": say which one.
      message: `${both} ${started.message.replace(/^The endpoint/, 'The recorded endpoint')} Nothing was sent; start a new import of ${fileName} instead.`,
    };
  }
  const sameEndpoint = now.ok && now.url === started.url;
  if (sameEndpoint && journal.trackerKey === current.trackerKey) return null;
  return {
    reason: 'destination_changed',
    message: `${both} Nothing was sent. If you changed the profile, point it back and resume, or start a new import of ${fileName}; if you did not, the record of this import may have been altered: do not send to the address it names.`,
  };
}
