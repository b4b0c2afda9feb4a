// One packaged app's checks, shared by scripts/verify-package.ts and the packaging test.
import { e2eFuses, releaseFuses } from '../build/fuses-config';
import { findKeyringBinaries, keyringPackageFor } from '../build/keyring-binary';
import type { Target } from '../build/keyring-binary';
import { checkAppFuses } from './fuse-check';
import { loadKeyringBinary } from './keyring-load';
import type { PackagedApp } from './packaged-apps';

export type AppVerdict = { problems: string[]; notes: string[] };

/** Problems found in one app; empty when it passes. */
export async function verifyApp(
  app: PackagedApp,
  options: { e2e: boolean; host: Target },
): Promise<AppVerdict> {
  const problems: string[] = [];
  const notes: string[] = [];
  const mismatches = await checkAppFuses(app.appPath, options.e2e ? e2eFuses : releaseFuses);
  for (const m of mismatches) {
    problems.push(`fuse ${m.fuse} is ${m.actual}, expected ${m.expected ? 'on' : 'off'}`);
  }
  const binaries = findKeyringBinaries(app.resourcesDir, app);
  if (binaries.length === 0) {
    problems.push(`keychain module @napi-rs/${keyringPackageFor(app)} is not unpacked`);
  } else if (app.platform === options.host.platform && app.arch === options.host.arch) {
    for (const binary of binaries) {
      const result = loadKeyringBinary(binary);
      if (!result.ok) problems.push(result.reason);
    }
  } else {
    notes.push(
      `keychain module present; not loaded (this machine is ${options.host.platform}/${options.host.arch})`,
    );
  }
  return { problems, notes };
}
