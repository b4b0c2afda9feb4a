import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, EDIT_ROLES, OPEN_LOG_FILE_LABEL } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function roles(items: MenuItemConstructorOptions[]): string[] {
  return flatten(items).flatMap((item) => (item.role ? [item.role] : []));
}

function submenuOf(
  items: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const menu = items.find((item) => item.label === label || item.role === label.toLowerCase());
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
}

const platforms: NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

describe('buildMenuTemplate', () => {
  const build = (platform: NodeJS.Platform, isDev = false, openLogFile = () => {}) =>
    buildMenuTemplate({ platform, appName: 'Customerscore Importer', openLogFile, isDev });

  it.each(platforms)('has every standard Edit role on %s', (platform) => {
    const edit = roles(submenuOf(build(platform), 'Edit'));
    expect(edit).toEqual(expect.arrayContaining([...EDIT_ROLES]));
  });

  it.each(platforms)('has "Open Log File" under Help on %s, which opens the log', (platform) => {
    let opened = 0;
    const help = submenuOf(
      build(platform, false, () => (opened += 1)),
      'Help',
    );
    const item = help.find((entry) => entry.label === OPEN_LOG_FILE_LABEL);
    expect(item).toBeDefined();
    // Electron passes (menuItem, window, event); the item ignores them.
    (item?.click as (() => void) | undefined)?.();
    expect(opened).toBe(1);
  });

  it('starts with the app menu named after the app on macOS', () => {
    const [first] = build('darwin');
    expect(first?.label).toBe('Customerscore Importer');
    expect(roles(first ? [first] : [])).toEqual(expect.arrayContaining(['about', 'quit']));
  });

  it.each(['win32', 'linux'] as const)('has no macOS app menu on %s, and Quit under File', (p) => {
    const template = build(p);
    expect(template[0]?.label).toBe('File');
    expect(roles(submenuOf(template, 'File'))).toContain('quit');
    expect(roles(template)).not.toContain('services');
  });

  it.each(platforms)('offers no reload and no developer tools in a release on %s', (platform) => {
    const all = roles(build(platform));
    expect(all).not.toContain('toggleDevTools');
    expect(all).not.toContain('reload');
    expect(all).not.toContain('forceReload');
  });

  it('offers reload and developer tools while developing', () => {
    expect(roles(build('linux', true))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });
});
