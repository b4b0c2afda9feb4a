import { expect, type Locator, type Page } from '@playwright/test';

// A SelectField (react-aria's Select) is a button named by the chosen option, then its label; its
// options open in a popover. Its native <select> (kept for autofill) is hidden from everyone.

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The field labelled exactly `label` (not one whose label only ends with it). */
export function selectField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`(^| )${escaped(label)}$`) });
}

/** The field labelled `label` shows `option` as its choice. */
export async function expectChoice(
  scope: Page | Locator,
  label: string,
  option: string,
): Promise<void> {
  await expect(selectField(scope, label)).toHaveAccessibleName(`${option} ${label}`);
}

/** Opens the field's options and picks `option` by its words. */
export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  const options = page.getByRole('listbox');
  await options.getByRole('option', { name: option, exact: true }).click();
  await expect(options).toBeHidden();
}
