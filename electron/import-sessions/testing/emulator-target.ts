import type { ProfileDestinationSource } from '../resume-destination';
import type { ImportTargetSource } from '../send-target';

/**
 * The send target of an import-service test: the default profile pointed at a local Track API
 * emulator, with a pace fast enough that tests never wait on it.
 */
export function emulatorTarget(endpoint: string, apiKey: string): ImportTargetSource {
  return async () => ({
    ok: true,
    target: {
      profileId: 'default',
      profileName: 'Acme',
      trackerKey: 'CS-TEST1',
      endpoint,
      rate: { requests: 1000, perMs: 1000 },
      apiKey,
    },
  });
}

/** Where that profile sends, as the resume offer compares it (no key). */
export function emulatorDestination(endpoint: string): ProfileDestinationSource {
  return async () => ({ trackerKey: 'CS-TEST1', endpoint });
}
