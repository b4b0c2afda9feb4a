// A throwaway project for running the real electron-builder with our configuration: a built app
// in out/, decoys that must never ship, the keychain module for this machine, and a fake Electron.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { keyringPackageFor } from '../../build/keyring-binary';
import { writeFakeElectronDist } from './fake-electron';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** Files that exist in the fixture but must not be in any package. */
export const decoys = [
  'e2e/emulator/emulator.ts',
  'electron/dev/browser-host.ts',
  'electron/main/window.test.ts',
  'shared/api.ts',
  'out/main/index.js.map',
];

export type FixtureOptions = { withKeyring: boolean };

/** Lays out the project in `dir` and returns the fake Electron's folder. */
export function createFixtureProject(dir: string, options: FixtureOptions): string {
  const real = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    productName: string;
    version: string;
    description: string;
    main: string;
    dependencies: Record<string, string>;
  };
  const write = (file: string, content: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  };
  // Only the keychain module as a dependency: it is the one whose packing needs checking, and a
  // copy of it keeps the fixture small (electron-builder does not follow symlinked node_modules).
  write(
    'package.json',
    JSON.stringify({
      name: real.name,
      productName: real.productName,
      version: real.version,
      description: real.description,
      main: real.main,
      dependencies: { '@napi-rs/keyring': real.dependencies['@napi-rs/keyring'] },
    }),
  );
  write('out/main/index.js', 'import "@napi-rs/keyring";\n');
  write('out/preload/index.cjs', '"use strict";\n');
  write('out/renderer/index.html', '<!doctype html><title>Customerscore Importer</title>\n');
  for (const decoy of decoys) write(decoy, '// must not ship\n');

  const packages = ['keyring'];
  if (options.withKeyring)
    packages.push(keyringPackageFor({ platform: process.platform, arch: process.arch }));
  for (const name of packages) {
    const source = path.dirname(require.resolve(`@napi-rs/${name}/package.json`));
    fs.cpSync(source, path.join(dir, 'node_modules', '@napi-rs', name), { recursive: true });
  }

  const electronDist = path.join(dir, 'electron-dist');
  writeFakeElectronDist(electronDist);
  return electronDist;
}

export type BuilderRun = { code: number; output: string };

/** Runs electron-builder's CLI with this repository's configuration, for Linux on this machine's arch. */
export function runElectronBuilder(
  dir: string,
  electronDist: string,
  env: Record<string, string> = {},
): Promise<BuilderRun> {
  const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const args = [
    cli,
    '--config',
    path.join(projectRoot, 'electron-builder.config.ts'),
    '--projectDir',
    dir,
    '--linux',
    `--${process.arch}`,
    '--dir',
    `-c.electronDist=${electronDist}`,
    '-c.electronVersion=45.5.0',
  ];
  // A clean environment: signing variables from the developer's shell must not leak in.
  const cleanEnv = { PATH: process.env['PATH'] ?? '', HOME: dir, ...env };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: dir, env: cleanEnv, maxBuffer: 10 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        });
      },
    );
  });
}
