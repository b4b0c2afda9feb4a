import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../e2e/emulator/emulator';
import { eventsMapping, tempDir, writeEventsCsv } from '../electron/engine/testing/csv-files';
import { runCliInProcess, writeMapping } from '../electron/cli/testing/cli-harness';
import { KEYCHAIN_SERVICE } from '../electron/store/secrets';
import { probeSecretService } from '../electron/store/secrets-keyring';
import { buildCliPackage, CLI_BIN, packCliPackage, projectRoot } from './cli-package';
import { startLocalRegistry } from './testing/local-registry';

// The packed CLI as a user gets it: built, packed, installed with `npm install -g <tarball>` into a
// temporary prefix (its dependency from a registry on 127.0.0.1, an empty npm cache), then run
// from a folder outside the repo with a PATH that has no node_modules/.bin and no tsx.

const run = promisify(execFile);
const KEY = 'cli-package-key-12345678';
const rootVersion = (
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;

const secretServiceAnswers = await probeSecretService(KEYCHAIN_SERVICE, process.env);

let work = '';
let binary = '';
let emulator: Emulator | null = null;

beforeAll(async () => {
  work = await tempDir('csi-cli-package-');
  const built = await buildCliPackage(path.join(work, 'package'));
  const tarball = packCliPackage(built.dir, path.join(work, 'packed'));
  // Async from here on: the registry answers from this process.
  const registry = await startLocalRegistry(
    projectRoot,
    ['@napi-rs/keyring'],
    path.join(work, 'registry'),
  );
  const prefix = path.join(work, 'prefix');
  try {
    await run(
      'npm',
      [
        'install',
        '-g',
        tarball,
        '--prefix',
        prefix,
        '--registry',
        registry.url,
        '--cache',
        path.join(work, 'npm-cache'),
        '--no-audit',
        '--no-fund',
        '--no-update-notifier',
      ],
      { cwd: work, shell: process.platform === 'win32' },
    );
  } finally {
    await registry.close();
  }
  binary =
    process.platform === 'win32'
      ? path.join(prefix, `${CLI_BIN}.cmd`)
      : path.join(prefix, 'bin', CLI_BIN);
}, 180_000);

afterAll(async () => {
  await emulator?.close();
  // The build, the tarballs, the installed prefix and its npm cache: a few MB on every run.
  if (work !== '') fs.rmSync(work, { recursive: true, force: true });
});

/** Runs the installed command in `cwd`; node is on PATH, the repo's tools are not. */
async function cli(args: string[], cwd: string, env: Record<string, string> = {}, stdin?: string) {
  const pathWithoutRepo = [
    path.dirname(process.execPath),
    ...(process.env['PATH'] ?? '').split(path.delimiter),
  ]
    .filter((entry) => entry !== '' && !entry.includes('node_modules'))
    .join(path.delimiter);
  try {
    const child = run(binary, args, {
      cwd,
      env: { PATH: pathWithoutRepo, HOME: cwd, ...env },
      shell: process.platform === 'win32',
    });
    child.child.stdin?.end(stdin ?? '');
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the packed CLI, installed with npm install -g', () => {
  it('installs the keychain module with the binary of this platform, and nothing of the repo', () => {
    const prefix = path.join(work, 'prefix');
    const modules =
      process.platform === 'win32' ? 'node_modules' : path.join('lib', 'node_modules');
    const installed = path.join(prefix, modules, '@customerscore', 'importer-cli');
    const napi = fs.readdirSync(path.join(installed, 'node_modules', '@napi-rs'));
    expect(napi).toContain('keyring');
    expect(napi.filter((name) => name.startsWith('keyring-'))).toHaveLength(1);
    // Only the native module is a dependency; the rest is in the bundle, which never loads Electron.
    expect(fs.readdirSync(path.join(installed, 'node_modules'))).toEqual(['@napi-rs']);
    const code = fs
      .readdirSync(path.join(installed, 'bin'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => fs.readFileSync(path.join(installed, 'bin', file), 'utf8'));
    expect(code.length).toBeGreaterThan(1);
    for (const text of code)
      expect(text).not.toMatch(/(from|import\(|require\()\s*["']electron["']/);
  });

  it('prints the version of the root package.json with --version', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    const result = await cli(['--version'], dir);
    expect(result).toMatchObject({ code: 0, stdout: `${rootVersion}\n` });
  });

  it('validates a file in the folder it runs in and exits 1 for invalid rows', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    await writeEventsCsv(dir, 40, [4, 9]);
    await writeMapping(dir, eventsMapping);
    const result = await cli(
      ['validate', 'events.csv', '--mapping', 'mapping.json', '--report', 'invalid.csv'],
      dir,
      {
        CUSTOMERSCORE_HOME: path.join(dir, 'home'),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('events.csv: 40 rows');
    expect(result.stdout).toMatch(/invalid: +2/);
    expect(fs.readFileSync(path.join(dir, 'invalid.csv'), 'utf8')).toContain('not a date');
  });

  it('sends every row to the Track API and keeps its job in the data directory', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    const file = await writeEventsCsv(dir, 250);
    const mapping = await writeMapping(dir, eventsMapping);
    const home = path.join(dir, 'home');
    const result = await cli(
      [
        'send',
        file,
        '--mapping',
        mapping,
        '--tracker-key',
        'CS-TEST1',
        '--endpoint',
        emulator.url,
        '--rate',
        '1000/1s',
      ],
      dir,
      { CUSTOMERSCORE_HOME: home, CUSTOMERSCORE_KEY: KEY },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('250 events sent');
    expect(emulator.received).toHaveLength(250);
    expect(result.stdout + result.stderr).not.toContain(KEY);
    expect(fs.readdirSync(home).length).toBeGreaterThan(0);
  });

  it.skipIf(!secretServiceAnswers)(
    'shares profiles and keychain entries with the app (real Secret Service)',
    async () => {
      const dir = fs.mkdtempSync(path.join(work, 'run-'));
      const env = {
        CUSTOMERSCORE_HOME: path.join(dir, 'home'),
        DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '',
      };
      // The profile made by the sources (the app's stores), a random id: no real entry is touched.
      const source = (args: string[]) => runCliInProcess(args, { env, cwd: dir });
      await source(['profile', 'set', '--profile', 'PackageKeyTest', '--tracker-key', 'CS-TEST1']);
      try {
        const set = await cli(
          ['key', 'set', '--profile', 'PackageKeyTest'],
          dir,
          env,
          'cli-package-keychain-5432\n',
        );
        expect(set.code).toBe(0);
        expect(set.stdout).toContain('ends in 5432');
        const status = await source(['key', 'status', '--profile', 'PackageKeyTest']);
        expect(status.stdout).toContain('API key set, ends in 5432');
      } finally {
        await cli(['key', 'delete', '--profile', 'PackageKeyTest'], dir, env);
      }
      const gone = await source(['key', 'status', '--profile', 'PackageKeyTest']);
      expect(gone.stdout).not.toContain('5432');
    },
  );
});
