import type { Keyring } from './secrets';

/** A {@link Keyring} in memory, for tests where a real keychain is not the point. */
export interface MemoryKeyring extends Keyring {
  /** The stored entries (account -> secret), for assertions. */
  readonly entries: ReadonlyMap<string, string>;
  /** Makes `isAvailable` answer no, as a Linux computer without a Secret Service does. */
  setAvailable(available: boolean): void;
}

export function createMemoryKeyring(): MemoryKeyring {
  const entries = new Map<string, string>();
  let available = true;
  return {
    entries,
    setAvailable(value) {
      available = value;
    },
    isAvailable: async () => available,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => {
      entries.set(account, secret);
    },
    delete: async (account) => entries.delete(account),
  };
}
