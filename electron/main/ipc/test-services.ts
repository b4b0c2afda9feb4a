import type { EmitIpcEvent, MainServicesOptions } from '../services';
import { createMainServices } from '../services';
import { createMemoryKeyring } from '../../store/secrets-memory';
import type { MemoryKeyring } from '../../store/secrets-memory';
import type { IpcServices } from './index';

export interface TestServices {
  services: IpcServices;
  /** The keychain the services use: in memory, never the OS's. */
  keyring: MemoryKeyring;
  /** Every event the services emitted, in order. */
  events: { channel: string; payload: unknown }[];
}

/**
 * The real main-process services over `dataDir`, with a memory keyring and a recorded `emit`, for
 * tests that bind every handler (`registerAllHandlers`). Built by `createMainServices`, so a
 * service added there is here too.
 */
export function createTestServices(
  dataDir: string,
  overrides: Partial<Omit<MainServicesOptions, 'keyring'>> = {},
): TestServices {
  const keyring = createMemoryKeyring();
  const events: TestServices['events'] = [];
  const emit: EmitIpcEvent = (channel, payload) => {
    events.push({ channel, payload });
  };
  const services = createMainServices({
    dataDir,
    env: {},
    app: { name: 'Customerscore Importer', version: '0.1.0' },
    platform: 'linux',
    systemCodePage: 'windows-1252',
    emit,
    keyring,
    ...overrides,
  });
  return { services, keyring, events };
}
