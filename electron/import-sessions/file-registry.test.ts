import { describe, expect, it } from 'vitest';
import { isUserError } from '../../shared/user-error';
import { FILE_HANDLE_GONE } from '../../shared/ipc-file';
import { createFileRegistry } from './file-registry';

function refusal(run: () => unknown): { code: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('the file registry', () => {
  it('answers an opaque handle and the name, and resolves the handle to the path', () => {
    const files = createFileRegistry();
    const picked = files.register('/home/ana/Kunden März.csv');
    expect(picked.name).toBe('Kunden März.csv');
    // 128 random bits in hex, nothing of the path in it.
    expect(picked.handle).toMatch(/^f-[0-9a-f]{32}$/);
    expect(files.resolve(picked.handle)).toBe('/home/ana/Kunden März.csv');
    // The same file chosen again gets a new handle; both work.
    const again = files.register('/home/ana/Kunden März.csv');
    expect(again.handle).not.toBe(picked.handle);
    expect(files.resolve(picked.handle)).toBe('/home/ana/Kunden März.csv');
  });

  it.each([
    ['a path', '/etc/passwd'],
    ['a made-up handle', `f-${'0'.repeat(32)}`],
    ['an Object.prototype key', '__proto__'],
  ])('refuses %s in words', (_name, handle) => {
    const files = createFileRegistry();
    files.register('/etc/passwd');
    expect(refusal(() => files.resolve(handle))).toEqual({
      code: 'gone',
      message: FILE_HANDLE_GONE,
    });
  });

  it('forgets the oldest files beyond its limit', () => {
    const files = createFileRegistry(3);
    const handles = ['a', 'b', 'c', 'd'].map((name) => files.register(`/data/${name}.csv`).handle);
    expect(refusal(() => files.resolve(handles[0] ?? ''))).toMatchObject({ code: 'gone' });
    expect(handles.slice(1).map((handle) => files.resolve(handle))).toEqual([
      '/data/b.csv',
      '/data/c.csv',
      '/data/d.csv',
    ]);
  });

  it('refuses a relative path, which no picked file has', () => {
    const files = createFileRegistry();
    expect(refusal(() => files.register('secrets.csv'))).toMatchObject({ code: 'unreadable' });
  });
});
