import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { createMemoryClipboard } from '../../electron/send/clipboard';
import type { MemoryClipboard } from '../../electron/send/clipboard';
import { createSecretStore } from '../../electron/store/secrets';
import { createMemoryKeyring } from '../../electron/store/secrets-memory';
import type { MemoryKeyring } from '../../electron/store/secrets-memory';
import { createSettingsStore } from '../../electron/store/settings';
import { startEmulator } from '../emulator/emulator';
import type { Emulator } from '../emulator/emulator';
import { AppFramePage } from '../pages/app-frame';
import { expect, test as hostTest } from './browser-host';
import { cspViolations, recordCspViolations } from './csp-probe';

// Fixtures and locators of the "Send event" specs: the browser host with a memory keyring and a
// memory clipboard, the default profile pointed at a Track API emulator (prepared through the
// stores, not the Settings screen), and the screen opened.

export const KEY = 'csk_test_9f8e7d6c5b4a3210';
export const TRACKER_KEY = 'CS-TEST1';

export interface SendFixtures {
  emulator: Emulator;
  keyring: MemoryKeyring;
  clipboard: MemoryClipboard;
  /** The app open on "Send event", with the default profile pointed at the emulator. */
  sendScreen: SendScreen;
}

export const test = hostTest.extend<SendFixtures>({
  // A fixed zone, so a picked local time has one known value in Unix milliseconds.
  timezoneId: 'Europe/Berlin',
  locale: 'en-GB',
  // Playwright reads a fixture's dependencies from its destructuring pattern; these have none.
  // eslint-disable-next-line no-empty-pattern
  emulator: async ({}, use) => {
    const emulator = await startEmulator({
      apiKeys: [KEY],
      trackerKeys: [TRACKER_KEY],
      rateLimit: null,
    });
    await use(emulator);
    await emulator.close();
  },
  // eslint-disable-next-line no-empty-pattern
  keyring: async ({}, use) => {
    const keyring = createMemoryKeyring();
    await keyring.set('default', KEY);
    await use(keyring);
  },
  // eslint-disable-next-line no-empty-pattern
  clipboard: async ({}, use) => use(createMemoryClipboard()),
  hostServices: async ({ keyring, clipboard }, use) =>
    use({ secrets: createSecretStore(keyring), clipboard }),
  sendScreen: async ({ page, host, emulator }, use) => {
    await createSettingsStore({ dataDir: host.dataDir }).updateProfile('default', {
      trackerKey: TRACKER_KEY,
      endpoint: emulator.url,
    });
    await recordCspViolations(page);
    const screen = new SendScreen(page);
    await screen.open(host.url);
    await use(screen);
    expect(await cspViolations(page)).toEqual([]);
  },
});

export class SendScreen {
  readonly app: AppFramePage;
  readonly response: Locator;
  readonly history: Locator;
  readonly sendButton: Locator;

  constructor(readonly page: Page) {
    this.app = new AppFramePage(page);
    this.response = page.getByRole('region', { name: /^Response/ });
    this.history = page.getByRole('region', { name: 'Sent from this screen' });
    this.sendButton = page.getByRole('button', { name: 'Send', exact: true });
  }

  async open(url: string): Promise<void> {
    await this.app.open(url);
    await this.app.navItem('Send event').click();
    await this.app.expectScreen('Send event');
    await expect(this.page.getByText(/Sends with the profile/)).toContainText(TRACKER_KEY);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fillEvent(values: { name: string; customer: string; contact?: string }): Promise<void> {
    await this.field('Event name').fill(values.name);
    await this.field('Customer ID').fill(values.customer);
    if (values.contact !== undefined) await this.field('Contact ID').fill(values.contact);
  }

  async expectStatus(code: RegExp): Promise<void> {
    await expect(this.response.locator('.se-status__code')).toHaveText(code);
  }
}

/** Accessibility problems of impact serious or critical, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.html} ${node.failureSummary ?? ''}`).join(', ')}`,
    );
}

const updateDocs = process.env['UPDATE_SCREENSHOTS'] === '1';

/** Saves a screenshot: into docs/screenshots with UPDATE_SCREENSHOTS=1, else beside the results. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = `send-event-${name}.png`;
  const path = updateDocs
    ? fileURLToPath(new URL(`../../docs/screenshots/${file}`, import.meta.url))
    : testInfo.outputPath(file);
  // The pointer would leave a hover highlight wherever the last click was.
  await page.mouse.move(0, 0);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
}

/** An event in the API's own shape. */
export const jsonEvent = (name: string, customer: string) => ({
  name,
  timestamp: 1712123456789,
  identification: { customer },
});

/** Presses Tab until `target` has the focus, proving it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

export { expect };
