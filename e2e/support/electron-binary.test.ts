import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

function fakeElectronPackage(): string {
  return mkdtempSync(join(tmpdir(), 'electron-pkg-'));
}

describe('findElectronBinary', () => {
  it('finds nothing when the binary was never downloaded', () => {
    expect(findElectronBinary(fakeElectronPackage(), {})).toBeNull();
  });

  it('finds nothing when path.txt names a binary that is not on disk', () => {
    const dir = fakeElectronPackage();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {})).toBeNull();
  });

  it('finds the downloaded binary named by path.txt', () => {
    const dir = fakeElectronPackage();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like require("electron") does', () => {
    const dir = fakeElectronPackage();
    const override = fakeElectronPackage();
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      join(override, 'electron'),
    );
  });
});
