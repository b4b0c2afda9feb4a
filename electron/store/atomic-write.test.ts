import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import type { AtomicWriteFs } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await fsPromises.mkdtemp(path.join(os.tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await fsPromises.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the folder and the file, and replaces an existing file', async () => {
    const file = path.join(dir, 'nested', 'data.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(await fsPromises.readFile(file, 'utf8')).toBe('second');
    expect(await fsPromises.readdir(path.dirname(file))).toEqual(['data.json']);
  });

  // Windows has no POSIX modes; the file inherits the folder's ACL there.
  it.skipIf(process.platform === 'win32')('makes the file readable by its owner only', async () => {
    const file = path.join(dir, 'data.json');
    await writeFileAtomic(file, 'x');
    expect((await fsPromises.stat(file)).mode & 0o077).toBe(0);
  });

  it('leaves the old file whole and no temporary file behind when the process dies before the rename', async () => {
    const file = path.join(dir, 'data.json');
    await writeFileAtomic(file, 'old content');
    const crashingFs: AtomicWriteFs = {
      ...fsPromises,
      rename: async () => {
        throw new Error('simulated crash before rename');
      },
    };
    await expect(writeFileAtomic(file, 'new content', crashingFs)).rejects.toThrow(
      'simulated crash',
    );
    expect(await fsPromises.readFile(file, 'utf8')).toBe('old content');
    expect(await fsPromises.readdir(dir)).toEqual(['data.json']);
  });

  it('never shows a partial file when writing the data fails half way', async () => {
    const file = path.join(dir, 'data.json');
    await writeFileAtomic(file, 'old content');
    const failingFs: AtomicWriteFs = {
      ...fsPromises,
      open: async (target, flags, mode) => {
        const handle = await fsPromises.open(target, flags, mode);
        if (target === dir) return handle;
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async () => {
            await handle.write('new co');
            throw new Error('disk full');
          },
          close: () => handle.close(),
        });
      },
    };
    await expect(writeFileAtomic(file, 'new content', failingFs)).rejects.toThrow('disk full');
    expect(await fsPromises.readFile(file, 'utf8')).toBe('old content');
    expect(await fsPromises.readdir(dir)).toEqual(['data.json']);
  });
});
