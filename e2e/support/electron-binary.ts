import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the `electron` package's binary is, or null when it was never downloaded.
 *
 * Mirrors what `require('electron')` resolves (path.txt inside the package, or
 * ELECTRON_OVERRIDE_DIST_PATH) without requiring it: electron 45's index.js starts a download when
 * the binary is missing, and tests must not reach the internet.
 */
export function findElectronBinary(
  electronPackageDir: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  const pathFile = join(electronPackageDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const overrideDir = env['ELECTRON_OVERRIDE_DIST_PATH'];
  let binary: string | null = null;
  if (overrideDir) binary = join(overrideDir, relativePath || 'electron');
  else if (relativePath) binary = join(electronPackageDir, 'dist', relativePath);
  return binary !== null && existsSync(binary) ? binary : null;
}

/** The installed `electron` package's folder, found without running its index.js. */
export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}
