import { describe, expect, it } from 'vitest';
import { ReadError, readErrorFromSystem } from './reader-error';

const systemError = (code: string) => Object.assign(new Error(`${code}: raw`), { code });

describe('readErrorFromSystem', () => {
  it.each([
    ['ENOENT', 'not_found', 'data.csv was not found.'],
    ['EISDIR', 'unreadable', 'data.csv is a folder, not a file.'],
    ['EACCES', 'unreadable', 'You do not have permission to read data.csv.'],
    ['EPERM', 'unreadable', 'You do not have permission to read data.csv.'],
    ['EBUSY', 'unreadable', 'data.csv is locked by another program.'],
    ['EIO', 'unreadable', 'data.csv could not be read (EIO).'],
  ])('turns %s into a plain message', (code, readCode, start) => {
    const error = readErrorFromSystem(systemError(code), 'data.csv');
    expect(error).toBeInstanceOf(ReadError);
    expect(error.reason).toBe(readCode);
    expect(error.message.startsWith(start)).toBe(true);
    expect(error.message).not.toContain('raw');
  });

  it('passes a ReadError through unchanged', () => {
    const original = new ReadError('empty', 'x is empty.');
    expect(readErrorFromSystem(original, 'x')).toBe(original);
  });
});
