import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { e2eFuses, electronFusesFor, fuseWireIndex, releaseFuses } from './fuses-config';
import type { FuseName } from './fuses-config';
import { checkAppFuses, compareFuseWire } from '../scripts/fuse-check';
import { writeFakeElectronBinary } from '../scripts/testing/fake-electron';

describe('fuses of a released build (docs/security.md item 12)', () => {
  it('are exactly the hardened set', () => {
    expect(releaseFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('differ in the e2e build only by allowing inspector arguments', () => {
    const differing = (Object.keys(releaseFuses) as FuseName[]).filter(
      (name) => releaseFuses[name] !== e2eFuses[name],
    );
    expect(differing).toEqual(['enableNodeCliInspectArguments']);
    expect(e2eFuses.enableNodeCliInspectArguments).toBe(true);
  });

  it('re-sign Apple-silicon builds ad hoc after flipping, so unsigned ones still launch', () => {
    expect(electronFusesFor({ e2e: false })).toEqual({
      ...releaseFuses,
      resetAdHocDarwinSignature: true,
    });
  });

  it('are read back from the wire positions @electron/fuses defines', () => {
    const names: Record<FuseName, string> = {
      runAsNode: 'RunAsNode',
      enableCookieEncryption: 'EnableCookieEncryption',
      enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
      enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
      enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
      onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
      grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
    };
    for (const [fuse, index] of Object.entries(fuseWireIndex)) {
      expect(FuseV1Options[index], fuse).toBe(names[fuse as FuseName]);
    }
  });
});

describe('reading fuses back from a binary', () => {
  const on = 49;
  const off = 48;
  const hardenedWire = { 0: off, 1: on, 2: off, 3: off, 4: on, 5: on, 6: off, 7: off };

  it('accepts a wire that matches', () => {
    expect(compareFuseWire(hardenedWire, releaseFuses)).toEqual([]);
  });

  it('names each fuse that is not as configured', () => {
    expect(compareFuseWire({ ...hardenedWire, 0: on, 5: 114 }, releaseFuses)).toEqual([
      { fuse: 'runAsNode', expected: false, actual: 'on' },
      { fuse: 'onlyLoadAppFromAsar', expected: true, actual: 'removed' },
    ]);
    expect(compareFuseWire({ ...hardenedWire, 3: undefined }, e2eFuses)).toEqual([
      { fuse: 'enableNodeCliInspectArguments', expected: true, actual: 'missing' },
    ]);
  });

  it('reads a real fuse wire from a file, as the pipeline does from a packaged app', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuses-'));
    try {
      const binary = path.join(dir, 'app');
      writeFakeElectronBinary(binary, '01001100');
      expect(await checkAppFuses(binary, releaseFuses)).toEqual([]);
      writeFakeElectronBinary(binary, '10110001');
      const mismatches = await checkAppFuses(binary, releaseFuses);
      expect(mismatches.map((m) => m.fuse)).toEqual(Object.keys(fuseWireIndex));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
