// The command line as an npm package, @customerscore/importer-cli (`npm run build:cli`): one
// esbuild bundle of electron/cli and everything it imports from electron/ and shared/, in a
// package folder with its own package.json, ready for `npm pack` or `npm publish`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export const projectRoot = path.resolve(import.meta.dirname, '..');
/** Where `npm run build:cli` writes the package folder (gitignored, like every dist/). */
export const defaultCliPackageDir = path.join(projectRoot, 'dist', 'cli');
export const CLI_BIN = 'customerscore-import';

/**
 * Dependencies that stay dependencies of the package, installed by npm on the user's machine.
 * `@napi-rs/keyring` is a native module: npm installs only the prebuilt binary of the user's
 * platform (its optionalDependencies), which a bundle made on one machine could not carry.
 *
 * Everything else is bundled: papaparse, zod, iconv-lite, chardet, luxon, commander, saxes, yauzl
 * and @e965/xlsx are plain JavaScript with no files read at run time, so a bundle of the exact
 * versions the tests ran against installs with nothing to resolve, starts faster (no module
 * lookups through node_modules) and cannot pick up a different version of them. Their licences
 * travel in THIRD_PARTY_LICENSES.txt.
 */
const NATIVE_DEPENDENCIES = ['@napi-rs/keyring'] as const;

interface RootPackage {
  version: string;
  engines: { node: string };
  author: unknown;
  homepage: string;
  dependencies: Record<string, string>;
}

interface LockPackage {
  version: string;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The app's main process is Electron's; the command line runs on plain Node.js and must not. */
const refuseElectron: Plugin = {
  name: 'refuse-electron',
  setup(context) {
    context.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
      errors: [
        {
          text: `${path.relative(projectRoot, args.importer)} imports "${args.path}": the command line runs without Electron.`,
        },
      ],
    }));
  },
};

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Every import left outside the bundle is Node's own or a declared dependency; throws otherwise. */
function checkExternals(metafile: Metafile): void {
  const allowed = (name: string) =>
    builtins.has(name) ||
    NATIVE_DEPENDENCIES.some((dep) => name === dep || name.startsWith(`${dep}/`));
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !allowed(imported.path)) {
        throw new Error(
          `${file} imports "${imported.path}", which is neither bundled nor a dependency.`,
        );
      }
    }
  }
}

/** The bundled npm packages (name → folder in node_modules), from the bundle's inputs. */
function bundledPackages(metafile: Metafile): Map<string, string> {
  const found = new Map<string, string>();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match?.[1]) continue;
    const folder = input.slice(0, match.index + match[0].length - 1);
    found.set(match[1], path.resolve(projectRoot, folder));
  }
  return found;
}

/** Each bundled package's name, version, licence and licence text, as their licences ask. */
function thirdPartyLicenses(packages: Map<string, string>): string {
  const sections = [...packages.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, folder]) => {
      const manifest = readJson<{ version: string; license?: string }>(
        path.join(folder, 'package.json'),
      );
      const licenceFile = fs
        .readdirSync(folder)
        .find((file) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(file));
      const text = licenceFile
        ? fs.readFileSync(path.join(folder, licenceFile), 'utf8').trim()
        : `(no licence file in the package; its package.json says ${manifest.license ?? 'nothing'})`;
      return `${name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}`;
    });
  return (
    'This package bundles the following packages; their licences follow.\n\n' +
    sections.join(`\n\n${'-'.repeat(72)}\n\n`) +
    '\n'
  );
}

/**
 * npm-shrinkwrap.json for the native dependency and its per-platform binaries, copied from the
 * root package-lock.json: installed from the registry, the CLI gets exactly the keychain module the
 * app ships and the tests ran, checked by integrity. (npm reads it only for packages from a
 * registry, which flags it in their metadata; a tarball's dependencies are resolved by version,
 * which package.json pins exactly. Either way npm asks a registry for @napi-rs/keyring's metadata,
 * which `npm ci` does not cache, so an install with --offline cannot work.)
 */
function shrinkwrap(manifest: Record<string, unknown>): Record<string, unknown> {
  const lock = readJson<{ packages: Record<string, LockPackage> }>(
    path.join(projectRoot, 'package-lock.json'),
  );
  const packages: Record<string, unknown> = {};
  const add = (name: string) => {
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) throw new Error(`package-lock.json has no ${name}: run npm install.`);
    packages[`node_modules/${name}`] = entry;
    for (const optional of Object.keys(entry.optionalDependencies ?? {})) add(optional);
  };
  for (const dep of NATIVE_DEPENDENCIES) add(dep);
  const { name, version, dependencies, bin, engines, license } = manifest;
  return {
    name,
    version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name, version, license, dependencies, bin, engines }, ...packages },
  };
}

export interface BuiltCliPackage {
  dir: string;
  version: string;
  /** Bytes of JavaScript, all chunks together. */
  bundleBytes: number;
}

/** Builds the package folder into `dir` (emptied first). */
export async function buildCliPackage(dir = defaultCliPackageDir): Promise<BuiltCliPackage> {
  const root = readJson<RootPackage>(path.join(projectRoot, 'package.json'));
  fs.rmSync(dir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: { [CLI_BIN]: 'electron/cli/package-main.ts' },
    outdir: path.join(dir, 'bin'),
    // Each command's modules in their own chunk (program.ts loads them on use): `--version` and
    // `--help` parse only the entry.
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    minify: true,
    legalComments: 'none',
    external: [...NATIVE_DEPENDENCIES],
    plugins: [refuseElectron],
    // Bundled CommonJS packages (papaparse, iconv-lite, …) call require() for Node's modules.
    banner: {
      js: "import { createRequire as __csiCreateRequire } from 'node:module'; const require = __csiCreateRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  checkExternals(result.metafile);
  const entry = path.join(dir, 'bin', `${CLI_BIN}.js`);
  fs.writeFileSync(entry, `#!/usr/bin/env node\n${fs.readFileSync(entry, 'utf8')}`);
  fs.chmodSync(entry, 0o755);

  const template = readJson<Record<string, unknown>>(
    path.join(projectRoot, 'packages/cli/package.template.json'),
  );
  delete template['//'];
  const dependencies = Object.fromEntries(
    NATIVE_DEPENDENCIES.map((dep) => {
      const pinned = root.dependencies[dep];
      if (!pinned) throw new Error(`The root package.json has no dependency ${dep}.`);
      return [dep, pinned];
    }),
  );
  const manifest = {
    name: template['name'],
    version: root.version,
    ...template,
    engines: root.engines,
    author: root.author,
    homepage: root.homepage,
    dependencies,
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(
    path.join(dir, 'npm-shrinkwrap.json'),
    `${JSON.stringify(shrinkwrap(manifest), null, 2)}\n`,
  );
  fs.copyFileSync(path.join(projectRoot, 'packages/cli/README.md'), path.join(dir, 'README.md'));
  fs.writeFileSync(
    path.join(dir, 'THIRD_PARTY_LICENSES.txt'),
    thirdPartyLicenses(bundledPackages(result.metafile)),
  );
  const bundleBytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { dir, version: root.version, bundleBytes };
}

/** `npm pack` of a built package folder into `destination`; returns the tarball's path. */
export function packCliPackage(dir: string, destination: string): string {
  fs.mkdirSync(destination, { recursive: true });
  const output = execFileSync(
    'npm',
    ['pack', dir, '--pack-destination', destination, '--json', '--ignore-scripts'],
    { encoding: 'utf8', cwd: destination, shell: process.platform === 'win32' },
  );
  const [packed] = JSON.parse(output) as { filename: string }[];
  if (!packed) throw new Error('npm pack printed no file name.');
  return path.join(destination, packed.filename);
}
