import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = path.resolve(import.meta.dirname, '..');

/**
 * The only files that may load the `electron` module at run time: thin adapters with no logic worth
 * testing. Everything else runs (and is tested) in plain Node. Add a file here only if it is thin.
 */
const THIN_ADAPTERS = [
  'main/index.ts',
  'main/window.ts',
  'main/app-protocol.ts',
  // electron-updater loads `electron` itself: it is imported here and nowhere else (see below).
  'main/updater-electron.ts',
  'preload/index.ts',
];

/** electron-updater requires `electron` when loaded, so it counts as an electron import. */
const UPDATER_IMPORT = /['"]electron-updater['"]/;

/** Folders that must not even mention `electron` in a type import: they also run in the CLI. */
const ELECTRON_FREE_FOLDERS = ['engine', 'store', 'cli'];

// `import type ... from 'electron'` vanishes at compile time; anything else loads the module
// (including `import { type X } from 'electron'`, which verbatimModuleSyntax keeps as an import).
const RUNTIME_IMPORT =
  /(?:^|\n)\s*(?:import(?!\s+type\s)[^;]*?\bfrom\s*|import\s*|export[^;]*?\bfrom\s*)['"]electron(?:\/[^'"]*)?['"]|\brequire\s*\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)|\bimport\s*\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)/;
const ANY_IMPORT = /['"]electron(?:\/[^'"]*)?['"]/;

function typeScriptFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

// This file quotes import statements as samples, so it is the one file not scanned.
const SELF = 'main/electron-imports.test.ts';

const files = typeScriptFiles(electronDir)
  .map((file) => ({
    name: path.relative(electronDir, file).split(path.sep).join('/'),
    text: fs.readFileSync(file, 'utf8'),
  }))
  .filter((file) => file.name !== SELF);

describe('where electron is imported', () => {
  it('the patterns catch what they should', () => {
    for (const text of [
      "import { app } from 'electron';",
      'import electron from "electron";',
      "import { type App } from 'electron';",
      "import 'electron';",
      "export { app } from 'electron';",
      "const { app } = require('electron');",
      "await import('electron');",
      "import { ipcRenderer } from 'electron/renderer';",
    ]) {
      expect(RUNTIME_IMPORT.test(text), text).toBe(true);
    }
    expect(RUNTIME_IMPORT.test("import type { WebPreferences } from 'electron';")).toBe(false);
    expect(RUNTIME_IMPORT.test("import { app } from './electron-app';")).toBe(false);
  });

  it('finds the thin adapters it allows', () => {
    const names = files.map((file) => file.name);
    expect(names).toEqual(expect.arrayContaining(THIN_ADAPTERS));
  });

  it('loads electron only in the thin adapter files', () => {
    const offenders = files
      .filter((file) => !THIN_ADAPTERS.includes(file.name) && RUNTIME_IMPORT.test(file.text))
      .map((file) => file.name);
    expect(offenders).toEqual([]);
  });

  it('loads electron-updater only in its adapter', () => {
    const offenders = files
      .filter((file) => file.name !== 'main/updater-electron.ts' && UPDATER_IMPORT.test(file.text))
      .filter((file) => !/\.test\.ts$/.test(file.name))
      .map((file) => file.name);
    expect(offenders).toEqual([]);
  });

  it('never mentions electron in the engine, the store or the CLI', () => {
    const offenders = files
      .filter((file) => ELECTRON_FREE_FOLDERS.includes(file.name.split('/')[0] ?? ''))
      .filter((file) => ANY_IMPORT.test(file.text))
      .map((file) => file.name);
    expect(offenders).toEqual([]);
  });
});
