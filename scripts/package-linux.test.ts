// The real electron-builder, with this repository's configuration, on a fixture project and a
// fake Electron binary (no Electron can be downloaded here): what ships, the fuses in the binary,
// and the keychain module, read back the way the release pipeline reads them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAsarFiles } from './asar-listing';
import { findPackagedApps } from './packaged-apps';
import { verifyApp } from './verify-app';
import { createFixtureProject, decoys, runElectronBuilder } from './testing/fixture-project';

const host = { platform: process.platform, arch: process.arch };
const supported =
  process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64');

describe.skipIf(!supported)(
  'packaging for Linux with electron-builder (skipped: needs a Linux x64/arm64 host)',
  () => {
    let dir = '';
    let electronDist = '';

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-linux-'));
      electronDist = createFixtureProject(dir, { withKeyring: true });
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('packs the built app with hardened fuses and a loadable keychain module', async () => {
      const run = await runElectronBuilder(dir, electronDist);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/macOS signing skipped/);

      const apps = findPackagedApps(path.join(dir, 'release'));
      expect(apps.map((app) => `${app.platform}/${app.arch}`)).toEqual([`linux/${host.arch}`]);
      const [app] = apps;
      if (!app) return;
      expect(await verifyApp(app, { e2e: false, host })).toEqual({ problems: [], notes: [] });

      const { packed, unpacked } = listAsarFiles(path.join(app.resourcesDir, 'app.asar'));
      expect(packed).toEqual([
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'package.json',
      ]);
      for (const decoy of decoys) expect(packed).not.toContain(decoy);
      expect(unpacked.some((file) => file.endsWith('.node'))).toBe(true);
    }, 120_000);

    it('builds the e2e variant apart, with inspector arguments allowed', async () => {
      const run = await runElectronBuilder(dir, electronDist, { CSI_E2E_BUILD: '1' });
      expect(run.code, run.output).toBe(0);
      const [app] = findPackagedApps(path.join(dir, 'release', 'e2e'));
      expect(app).toBeDefined();
      if (!app) return;
      expect(await verifyApp(app, { e2e: true, host })).toEqual({ problems: [], notes: [] });
      expect((await verifyApp(app, { e2e: false, host })).problems).toEqual([
        'fuse enableNodeCliInspectArguments is on, expected off',
      ]);
    }, 120_000);

    it('refuses to build an app without the keychain module for its architecture', async () => {
      const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'package-linux-bare-'));
      try {
        const dist = createFixtureProject(bare, { withKeyring: false });
        const run = await runElectronBuilder(bare, dist);
        expect(run.code).not.toBe(0);
        expect(run.output).toMatch(/has no keychain module \(@napi-rs\/keyring-linux-\w+-gnu\)/);
      } finally {
        fs.rmSync(bare, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
