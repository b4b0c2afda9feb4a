import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/** The four screens, by the names the main navigation shows. */
export const screenNames = ['Send event', 'Import', 'History', 'Settings'] as const;

export type ScreenName = (typeof screenNames)[number];

/** Locators of the app frame, by role and accessible name. */
export class AppFramePage {
  readonly root: Locator;
  readonly navigation: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('#root');
    this.navigation = page.getByRole('navigation', { name: 'Main' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  navItem(name: ScreenName): Locator {
    return this.navigation.getByRole('button', { name, exact: true });
  }

  /** Opens the app and waits for React's ready signal rather than for a fixed time. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.root).toHaveAttribute('data-state', 'ready');
  }

  /** Checks that `name` is the screen showing: its heading, and the only current nav entry. */
  async expectScreen(name: ScreenName): Promise<void> {
    await expect(this.heading).toHaveText(name);
    for (const other of screenNames) {
      if (other === name) await expect(this.navItem(other)).toHaveAttribute('aria-current', 'page');
      else await expect(this.navItem(other)).not.toHaveAttribute('aria-current', /.*/);
    }
  }
}
