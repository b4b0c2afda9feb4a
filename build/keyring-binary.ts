// napi-rs ships @napi-rs/keyring's native code as one npm package per platform and architecture,
// and npm installs only the host's. A build for another architecture therefore packs no usable
// keychain module unless that package was installed explicitly (docs/security.md item 14). These
// helpers name the package each target needs so the build and the pipeline can check for it.
import fs from 'node:fs';
import path from 'node:path';

/** Node-style platform and architecture names, as in `process.platform` / `process.arch`. */
export type Target = { platform: string; arch: string };

/** The platform package that holds the keychain module for a target, e.g. `keyring-darwin-arm64`. */
export function keyringPackageFor(target: Target): string {
  const { platform, arch } = target;
  if (platform === 'darwin' && (arch === 'x64' || arch === 'arm64'))
    return `keyring-darwin-${arch}`;
  if (platform === 'win32' && (arch === 'x64' || arch === 'arm64' || arch === 'ia32')) {
    return `keyring-win32-${arch}-msvc`;
  }
  // AppImage and deb target glibc distributions, so the musl builds are never the right one.
  if (platform === 'linux' && (arch === 'x64' || arch === 'arm64'))
    return `keyring-linux-${arch}-gnu`;
  if (platform === 'linux' && arch === 'armv7l') return 'keyring-linux-arm-gnueabihf';
  throw new Error(`The keychain module has no build for ${platform}/${arch}.`);
}

/** Where electron-builder unpacks the keychain packages, under a resources directory. */
export function unpackedKeyringDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'app.asar.unpacked', 'node_modules', '@napi-rs');
}

/**
 * The `.node` files of the target's keychain package inside a packaged app. Empty when the
 * package is missing (the caller decides how loudly to fail).
 */
export function findKeyringBinaries(resourcesDir: string, target: Target): string[] {
  const dir = path.join(unpackedKeyringDir(resourcesDir), keyringPackageFor(target));
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.node'))
    .map((name) => path.join(dir, name));
}

/** Keychain platform packages present under a resources directory, whatever their target. */
export function listKeyringPackages(resourcesDir: string): string[] {
  const dir = unpackedKeyringDir(resourcesDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith('keyring-'))
    .sort();
}
