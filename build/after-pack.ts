// Runs after electron-builder has laid out the app and before it flips fuses, signs and builds
// installers: the last point where a wrong-architecture keychain module can stop a release.
import { Arch } from 'electron-builder';
import type { AfterPackContext } from 'electron-builder';
import { findKeyringBinaries, keyringPackageFor, listKeyringPackages } from './keyring-binary';

/** Fails the build when the packaged app lacks the keychain module for its own architecture. */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const target = { platform: context.electronPlatformName, arch: Arch[context.arch] };
  const resourcesDir = context.packager.getResourcesDir(context.appOutDir);
  if (findKeyringBinaries(resourcesDir, target).length > 0) return;
  const present = listKeyringPackages(resourcesDir);
  throw new Error(
    `The ${target.platform}/${target.arch} app has no keychain module ` +
      `(@napi-rs/${keyringPackageFor(target)}); packed: ${present.join(', ') || 'none'}. ` +
      'Build on a runner of that architecture, or install that package explicitly first.',
  );
}
