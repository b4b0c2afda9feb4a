import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeFeeds, parseFeed } from './update-feed';

// As electron-builder writes latest-mac.yml on the arm64 and the x64 runner.
const macArm = `version: 0.2.0
files:
  - url: customerscore-importer-0.2.0-mac-arm64.zip
    sha512: ARM==
    size: 101
path: customerscore-importer-0.2.0-mac-arm64.zip
sha512: ARM==
releaseDate: '2026-12-03T10:00:02.000Z'
`;
const macX64 = `version: 0.2.0
files:
  - url: customerscore-importer-0.2.0-mac-x64.zip
    sha512: X64==
    size: 102
path: customerscore-importer-0.2.0-mac-x64.zip
sha512: X64==
releaseDate: '2026-12-03T10:00:01.000Z'
`;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'update-feed-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the merged update feed', () => {
  it('lists the installer of every architecture, x64 first for older updaters', () => {
    const merged = mergeFeeds([parseFeed(macArm, 'a'), parseFeed(macX64, 'b')], 'latest-mac.yml');
    expect(merged.version).toBe('0.2.0');
    expect(merged.files.map((file) => file.url)).toEqual([
      'customerscore-importer-0.2.0-mac-x64.zip',
      'customerscore-importer-0.2.0-mac-arm64.zip',
    ]);
    expect(merged.path).toBe('customerscore-importer-0.2.0-mac-x64.zip');
    expect(merged.sha512).toBe('X64==');
    expect(merged.releaseDate).toBe('2026-12-03T10:00:02.000Z');
  });

  it('refuses feeds of different versions, and a file listed twice with different contents', () => {
    const older = parseFeed(macX64.replaceAll('0.2.0', '0.1.9'), 'c');
    expect(() => mergeFeeds([parseFeed(macArm, 'a'), older], 'latest-mac.yml')).toThrow(
      'The latest-mac.yml files are of different versions (0.2.0, 0.1.9).',
    );
    const clash = parseFeed(macArm.replaceAll('ARM==', 'OTHER=='), 'd');
    expect(() => mergeFeeds([parseFeed(macArm, 'a'), clash], 'latest-mac.yml')).toThrow(
      /listed twice/,
    );
    expect(() => parseFeed('version: 1\n', 'x.yml')).toThrow('x.yml is not an update feed');
  });

  it('is written by the release script from each build’s folder, which it then removes', async () => {
    for (const [build, text] of [
      ['mac-arm64', macArm],
      ['mac-x64', macX64],
    ] as const) {
      await mkdir(path.join(folder, 'update-feed', build), { recursive: true });
      await writeFile(path.join(folder, 'update-feed', build, 'latest-mac.yml'), text);
    }
    await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'merge-update-feeds.ts'),
      folder,
    ]);
    expect(await readdir(folder)).toEqual(['latest-mac.yml']);
    const merged = parseFeed(await readFile(path.join(folder, 'latest-mac.yml'), 'utf8'), 'm');
    expect(merged.files).toHaveLength(2);
  });
});
