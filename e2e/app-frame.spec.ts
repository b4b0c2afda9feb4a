import { AppFramePage, screenNames } from './pages/app-frame';
import { expect, test } from './support/browser-host';

test.afterEach(({ consoleErrors }) => {
  // CSP violations and React errors both surface as console errors.
  expect(consoleErrors).toEqual([]);
});

test('the app renders with the product name and the four screens in the main navigation', async ({
  page,
  host,
}) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  await expect(page.getByRole('banner')).toContainText('Customerscore Importer');
  await expect(app.navigation.getByRole('button')).toHaveText([...screenNames]);
  await app.expectScreen('Send event');
  await expect(page).toHaveTitle('Send event – Customerscore Importer');
});

test('clicking a navigation entry switches the screen', async ({ page, host }) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  for (const name of ['Import', 'History', 'Settings', 'Send event'] as const) {
    await app.navItem(name).click();
    await app.expectScreen(name);
  }
  await app.navItem('Settings').click();
  await expect(page).toHaveTitle('Settings – Customerscore Importer');
});

test('the navigation works by keyboard, with a visible focus ring', async ({ page, host }) => {
  const app = new AppFramePage(page);
  await app.open(host.url);

  await page.keyboard.press('Tab');
  await expect(app.navItem('Send event')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.navItem('Import')).toBeFocused();
  await expect(app.navItem('Import')).toHaveCSS('outline-style', 'solid');

  await page.keyboard.press('Enter');
  await app.expectScreen('Import');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(app.navItem('Settings')).toBeFocused();
  await page.keyboard.press('Enter');
  await app.expectScreen('Settings');
});
