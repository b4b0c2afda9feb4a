import { REVEALED_CURL_CLEAR_SECONDS } from '../../shared/ipc-send';
import type { Clipboard } from './clipboard';

/** The timer the clearing waits on; tests pass a fake one, so no test waits 30 seconds. */
export interface ClearTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

// A pending clear must not keep a process alive on its own (the CLI, a test's browser host).
export const realClearTimers: ClearTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ClipboardClearer {
  /**
   * Empties the clipboard `REVEALED_CURL_CLEAR_SECONDS` from now if it still holds `secretText`:
   * whatever the user copied since is theirs and stays. A newer call replaces a pending one, so a
   * second copy gets its full 30 seconds.
   */
  clearLater(secretText: string): void;
}

export function createClipboardClearer(
  clipboard: Clipboard,
  options: { timers?: ClearTimers; onError?: (error: unknown) => void } = {},
): ClipboardClearer {
  const timers = options.timers ?? realClearTimers;
  let pending: unknown = undefined;
  const clearIfStillThere = async (secretText: string): Promise<void> => {
    if ((await clipboard.readText()) === secretText) await clipboard.writeText('');
  };
  return {
    clearLater(secretText) {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = timers.setTimeout(() => {
        pending = undefined;
        clearIfStillThere(secretText).catch((error: unknown) => options.onError?.(error));
      }, REVEALED_CURL_CLEAR_SECONDS * 1000);
    },
  };
}
