import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  byteCounter,
  createDecoder,
  resolveEncoding,
  utf8CompleteLength,
  type ResolvedEncoding,
} from './encoding-decode';
import { ReadError } from './reader-error';

describe('resolveEncoding', () => {
  it.each([
    ['UTF-8', 'utf-8', 'utf-8'],
    ['utf8', 'utf-8', 'utf-8'],
    ['UTF-16 LE', 'utf-16le', 'utf-16le'],
    ['utf-16be', 'utf-16be', 'utf-16be'],
    ['cp1252', 'windows-1252', 'single-byte'],
    ['Latin1', 'windows-1252', 'single-byte'],
    ['ISO_8859-15', 'iso-8859-15', 'single-byte'],
    ['windows-1251', 'windows-1251', 'single-byte'],
    ['Shift_JIS', 'shift_jis', 'multi-byte'],
  ])('knows %s', (given, name, kind) => {
    expect(resolveEncoding(given)).toEqual({ name, kind });
  });

  it('refuses an unknown name with a ReadError', () => {
    expect(() => resolveEncoding('utf-9')).toThrow(ReadError);
    expect(() => resolveEncoding('')).toThrow('is not a text encoding this app knows');
  });
});

describe('utf8CompleteLength', () => {
  it('never cuts inside a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (text, at) => {
        // U+FFFD is itself a character fast-check may draw; the check below looks for a cut one.
        fc.pre(!text.includes('\uFFFD'));
        const bytes = Buffer.from(text);
        const cut = utf8CompleteLength(bytes.subarray(0, at % (bytes.length + 1)));
        const head = bytes.subarray(0, cut).toString('utf8');
        expect(head).not.toContain('\uFFFD');
        expect(text.startsWith(head)).toBe(true);
        expect(Buffer.byteLength(head)).toBe(cut);
      }),
    );
  });
});

const encodings: [ResolvedEncoding, string][] = [
  [resolveEncoding('utf-8'), 'utf-8'],
  [resolveEncoding('utf-16le'), 'utf-16le'],
  [resolveEncoding('utf-16be'), 'utf-16be'],
  [resolveEncoding('windows-1252'), 'windows-1252'],
  [resolveEncoding('shift_jis'), 'shift_jis'],
];

function encode(text: string, name: string): Buffer {
  if (name === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  return iconv.encode(text, name);
}

describe('createDecoder and byteCounter', () => {
  it.each(encodings)('decode %s read in any pieces, and count its bytes', (encoding, name) => {
    const unit =
      name === 'windows-1252'
        ? fc.constantFrom('a', 'é', '€', 'ß', ',', '\n')
        : name === 'shift_jis'
          ? fc.constantFrom('a', '日', '本', 'カ', ',', '\n')
          : fc.constantFrom('a', 'é', '€', '😀', '李', ',', '\n');
    fc.assert(
      fc.property(fc.array(unit), fc.array(fc.nat({ max: 40 })), (units, cuts) => {
        const text = units.join('');
        const bytes = encode(text, name);
        const decoder = createDecoder(encoding);
        let decoded = '';
        let at = 0;
        for (const cut of cuts) {
          const end = Math.min(bytes.length, at + cut);
          decoded += decoder.write(bytes.subarray(at, end));
          at = end;
        }
        decoded += decoder.write(bytes.subarray(at)) + decoder.end();
        expect(decoded).toBe(text);
        expect(decoder.invalid).toBe(false);
        expect(byteCounter(encoding)(text)).toBe(bytes.length);
      }),
    );
  });

  it('flags UTF-8 that is not valid, leaving a replacement character where it was', () => {
    const decoder = createDecoder(resolveEncoding('utf-8'));
    const text = decoder.write(Buffer.from([0x4d, 0xfc, 0x6c])) + decoder.end();
    expect(decoder.invalid).toBe(true);
    expect(text).toBe('M\uFFFDl');
  });
});
