import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { AppFramePage } from './app-frame';

/** The Settings screen, by role and label. */
export class SettingsPage {
  readonly frame: AppFramePage;
  readonly activeProfile: Locator;
  readonly trackerKey: Locator;
  readonly endpoint: Locator;
  readonly requests: Locator;
  readonly seconds: Locator;
  readonly save: Locator;
  readonly apiKey: Locator;
  readonly saveKey: Locator;
  readonly keyStatus: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.frame = new AppFramePage(page);
    this.activeProfile = page.getByRole('button', { name: /Active profile/ });
    this.trackerKey = page.getByLabel('Tracker key');
    this.endpoint = page.getByLabel('Endpoint');
    this.requests = page.getByLabel('Requests');
    this.seconds = page.getByLabel('Seconds');
    this.save = page.getByRole('button', { name: 'Save', exact: true });
    this.apiKey = page.getByRole('textbox', { name: /^(New )?API key$/ });
    this.saveKey = page.getByRole('button', { name: 'Save key' });
    this.keyStatus = page.getByTestId('api-key-status');
    this.dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Opens the app at `url` and goes to Settings, waiting for the settings to be loaded. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.show();
  }

  /** Goes to Settings in the loaded page (after `page.reload()`, say). */
  async show(): Promise<void> {
    await expect(this.frame.root).toHaveAttribute('data-state', 'ready');
    await this.frame.navItem('Settings').click();
    await this.frame.expectScreen('Settings');
    await expect(this.page.locator('.st-settings')).toHaveAttribute('data-state', 'ready');
  }

  async expectActiveProfile(name: string): Promise<void> {
    await expect(this.activeProfile).toContainText(name);
  }

  async switchTo(name: string): Promise<void> {
    await this.activeProfile.click();
    await this.page.getByRole('option', { name, exact: true }).click();
    await this.expectActiveProfile(name);
  }

  async createProfile(name: string): Promise<void> {
    await this.button('New profile').click();
    await this.dialog.getByLabel('Profile name').fill(name);
    await this.dialog.getByRole('button', { name: 'Create profile' }).click();
    await expect(this.dialog).toBeHidden();
    await this.expectActiveProfile(name);
  }
}
