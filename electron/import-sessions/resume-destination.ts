import { checkEndpoint } from '../../shared/api';
import type { ImportDestination, InterruptedImport } from '../../shared/ipc-import';
import { resumeDestinationProblem } from '../engine/journal/journal-destination';
import { sendDestination } from '../store/send-target';
import type { SettingsStore } from '../store/settings';

/**
 * Where a profile sends now, without its key: the job's own profile by id, else the active one;
 * null when it cannot send (no such profile, no tracker key, an endpoint not allowed). Never opens
 * the keychain, so the resume offer can ask about a changed destination before anything is sent.
 */
export type ProfileDestinationSource = (profileId?: string) => Promise<ImportDestination | null>;

/** The profile's destination from the app's settings, as a resume would resolve it. */
export function createProfileDestinationSource(
  settings: Pick<SettingsStore, 'activeProfile' | 'getProfile'>,
): ProfileDestinationSource {
  return async (profileId) => {
    const profile = await (
      profileId ? settings.getProfile(profileId) : settings.activeProfile()
    ).catch(() => null);
    if (!profile) return null;
    const where = sendDestination(profile);
    if (!where.ok) return null;
    return { trackerKey: where.destination.trackerKey, endpoint: where.destination.endpoint };
  };
}

/**
 * Whether an interrupted job may be resumed where it was started, by the same rule the resume
 * itself applies (`resumeDestinationProblem`): its recorded endpoint must be one the app sends to,
 * and equal its profile's, with the same tracker key. With no destination now, only the first is
 * known; the resume then says what is missing.
 */
export function interruptedDestination(
  fileName: string,
  started: ImportDestination,
  now: ImportDestination | null,
): InterruptedImport['destination'] {
  if (now === null) {
    const allowed = checkEndpoint(started.endpoint).ok;
    return { started, now, problem: allowed ? null : 'destination_not_allowed' };
  }
  const problem = resumeDestinationProblem(fileName, started, now);
  return { started, now, problem: problem?.reason ?? null };
}
