import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// SECURITY.md item 4 and 5: some calls only take effect before the app is ready. Electron cannot
// run here, so this reads the wiring file and checks the order in which it makes those calls.
const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');

function firstIndex(call: string): number {
  const index = source.indexOf(call);
  expect(index, `${call} is called in electron/main/index.ts`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('electron/main/index.ts', () => {
  it('enables the sandbox for every renderer before the app is ready', () => {
    expect(firstIndex('app.enableSandbox()')).toBeLessThan(firstIndex('.whenReady()'));
  });

  it('registers the app:// scheme privileges before the app is ready', () => {
    expect(firstIndex('registerAppSchemePrivileges()')).toBeLessThan(firstIndex('.whenReady()'));
  });

  it('hardens the session and serves app:// before opening the window', () => {
    const window = source.lastIndexOf('openMainWindow();');
    expect(firstIndex('hardenSession(')).toBeLessThan(window);
    expect(firstIndex('serveAppProtocol(')).toBeLessThan(window);
  });
});
