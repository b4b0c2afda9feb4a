// Finds the unpacked apps electron-builder leaves in its output folder (`mac-arm64/`,
// `win-unpacked/`, `linux-arm64-unpacked/`...), with the platform and architecture each is for.
import fs from 'node:fs';
import path from 'node:path';
import { EXECUTABLE_NAME, PRODUCT_NAME } from '../build/builder-config';
import type { Target } from '../build/keyring-binary';

export type PackagedApp = Target & {
  /** What @electron/fuses reads: the `.app` bundle, the `.exe`, or the Linux executable. */
  appPath: string;
  resourcesDir: string;
};

const folderPattern = /^(mac|win|linux)(?:-(x64|arm64|ia32|armv7l|universal))?(?:-unpacked)?$/;
const platformOf = { mac: 'darwin', win: 'win32', linux: 'linux' } as const;

/** Reads a folder name such as `win-arm64-unpacked` as a target; null for anything else. */
export function targetOfFolder(name: string): Target | null {
  const match = folderPattern.exec(name);
  if (!match) return null;
  const os = match[1] as keyof typeof platformOf;
  // electron-builder names x64 folders without an arch (`mac`, `win-unpacked`, `linux-unpacked`).
  if (os !== 'mac' && !name.endsWith('-unpacked')) return null;
  return { platform: platformOf[os], arch: match[2] ?? 'x64' };
}

function describe(folder: string, target: Target): PackagedApp {
  if (target.platform === 'darwin') {
    const appPath = path.join(folder, `${PRODUCT_NAME}.app`);
    return { ...target, appPath, resourcesDir: path.join(appPath, 'Contents', 'Resources') };
  }
  const executable = target.platform === 'win32' ? `${PRODUCT_NAME}.exe` : EXECUTABLE_NAME;
  return {
    ...target,
    appPath: path.join(folder, executable),
    resourcesDir: path.join(folder, 'resources'),
  };
}

/** Every unpacked app directly under `outputDir` whose executable exists. */
export function findPackagedApps(outputDir: string): PackagedApp[] {
  if (!fs.existsSync(outputDir)) return [];
  return fs
    .readdirSync(outputDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const target = targetOfFolder(entry.name);
      return target ? [describe(path.join(outputDir, entry.name), target)] : [];
    })
    .filter((app) => fs.existsSync(app.appPath));
}
