import type { LedgerStats } from '../../../shared/ipc-ledger';
import type { Ledger } from '../../engine/ledger/ledger';
import { sendDestination } from '../../store/send-target';
import type { SettingsStore } from '../../store/settings';
import { registerHandlers } from './register';
import type { IpcHandlers, IpcMainLike, RegisterOptions } from './register';

/** What the ledger handlers work on: the profiles, and the ledger of a destination. */
export interface LedgerIpcServices {
  settings: SettingsStore;
  ledgerOf: (destination: { trackerKey: string; endpoint: string }) => Ledger;
}

export type LedgerChannel = 'ledger:stats' | 'ledger:clear';

/** The `ledger:*` handlers: a profile's destination, as a send would resolve it, and its ledger. */
export function ledgerHandlers(services: LedgerIpcServices): IpcHandlers<LedgerChannel> {
  async function withLedger(
    profileId: string,
    act: (ledger: Ledger) => Promise<void>,
  ): Promise<LedgerStats> {
    // An unknown profile is the store's SettingsError, in its words.
    const profile = await services.settings.getProfile(profileId);
    const where = sendDestination(profile);
    if (!where.ok) return { destination: null, events: 0, bytes: 0 };
    const destination = {
      trackerKey: where.destination.trackerKey,
      endpoint: where.destination.endpoint,
    };
    const ledger = services.ledgerOf(destination);
    await act(ledger);
    return { destination, ...(await ledger.stats()) };
  }
  return {
    'ledger:stats': ({ profileId }) => withLedger(profileId, async () => undefined),
    'ledger:clear': ({ profileId }) => withLedger(profileId, (ledger) => ledger.clear()),
  };
}

/** Registers the `ledger:*` channels. */
export function registerLedgerHandlers(
  ipc: IpcMainLike,
  services: LedgerIpcServices,
  options: RegisterOptions,
): void {
  registerHandlers(ipc, ledgerHandlers(services), options);
}
