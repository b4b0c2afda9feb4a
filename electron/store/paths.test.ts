import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAppDataDir, resolveDataDir } from './paths';

describe('resolveDataDir', () => {
  it('puts the data in "Customerscore Importer" inside the application data folder', () => {
    expect(resolveDataDir({}, '/home/ana/.config')).toBe(
      path.join('/home/ana/.config', 'Customerscore Importer'),
    );
  });

  it('lets CUSTOMERSCORE_HOME override the location', () => {
    const home = path.resolve('/tmp/run-42');
    expect(resolveDataDir({ CUSTOMERSCORE_HOME: home }, '/home/ana/.config')).toBe(home);
  });

  it('ignores an empty CUSTOMERSCORE_HOME', () => {
    expect(resolveDataDir({ CUSTOMERSCORE_HOME: '  ' }, '/appdata')).toBe(
      path.join('/appdata', 'Customerscore Importer'),
    );
  });
});

describe('defaultAppDataDir', () => {
  it('uses ~/Library/Application Support on macOS', () => {
    expect(defaultAppDataDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support',
    );
  });

  it('uses %APPDATA% on Windows', () => {
    expect(
      defaultAppDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming');
  });

  it('falls back to AppData\\Roaming on Windows without %APPDATA%', () => {
    expect(defaultAppDataDir('win32', {}, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming',
    );
  });

  it('uses $XDG_CONFIG_HOME on Linux when set', () => {
    expect(defaultAppDataDir('linux', { XDG_CONFIG_HOME: '/data/conf' }, '/home/ana')).toBe(
      '/data/conf',
    );
  });

  it.each([{}, { XDG_CONFIG_HOME: '' }, { XDG_CONFIG_HOME: 'relative/conf' }])(
    'uses ~/.config on Linux otherwise (%j)',
    (env) => {
      expect(defaultAppDataDir('linux', env, '/home/ana')).toBe('/home/ana/.config');
    },
  );
});
