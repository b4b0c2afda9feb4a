// Checks the apps electron-builder packed, as the release pipeline does after each build:
//   node --import tsx scripts/verify-package.ts [--dir release] [--e2e]
// For every unpacked app: the fuses read back from the binary match build/fuses-config.ts, and
// the keychain module for the app's own architecture is unpacked (and, on a matching machine,
// loads). Exits non-zero on any failure, naming it.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findPackagedApps } from './packaged-apps';
import { verifyApp } from './verify-app';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'release' },
      e2e: { type: 'boolean', default: false },
    },
  });
  const outputDir = path.resolve(values.dir);
  const apps = findPackagedApps(outputDir);
  if (apps.length === 0) {
    console.error(`No unpacked app found in ${outputDir}.`);
    return 1;
  }
  let failed = false;
  for (const app of apps) {
    const { problems, notes } = await verifyApp(app, {
      e2e: values.e2e,
      host: { platform: process.platform, arch: process.arch },
    });
    const label = `${app.platform}/${app.arch} ${path.relative(process.cwd(), app.appPath)}`;
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${label}`);
    for (const line of [...problems, ...notes]) console.log(`     ${line}`);
    failed ||= problems.length > 0;
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
