import { describe, expect, it } from 'vitest';
import { encodingRegion } from '../../../shared/encodings';
import { ansiCodePageFor, isRuledOut } from './code-pages';

describe('ansiCodePageFor', () => {
  it.each([
    ['cs-CZ', 'windows-1250'],
    ['sk', 'windows-1250'],
    ['pl-PL', 'windows-1250'],
    ['hu_HU.UTF-8', 'windows-1250'],
    ['sl-SI', 'windows-1250'],
    ['hr', 'windows-1250'],
    ['ro-RO', 'windows-1250'],
    ['sr-Latn-RS', 'windows-1250'],
    ['sr-RS', 'windows-1251'],
    ['ru-RU', 'windows-1251'],
    ['uk', 'windows-1251'],
    ['bg-BG', 'windows-1251'],
    ['de-DE', 'windows-1252'],
    ['fr-FR', 'windows-1252'],
    ['en-US', 'windows-1252'],
    ['tr-TR', 'windows-1254'],
    ['ja-JP', 'shift_jis'],
    ['zh-CN', 'gb18030'],
    ['zh-Hant-TW', 'big5'],
    ['ko-KR', 'euc-kr'],
    ['', 'windows-1252'],
  ])('%s writes %s', (locale, codePage) => {
    expect(ansiCodePageFor(locale)).toBe(codePage);
  });
});

describe('isRuledOut', () => {
  it('rules a page out for a byte it leaves undefined, and only then', () => {
    expect(isRuledOut(Buffer.from([0x61, 0x9d]), 'windows-1252')).toBe(true);
    expect(isRuledOut(Buffer.from([0x61, 0x9d]), 'windows-1250')).toBe(false);
    expect(isRuledOut(Buffer.from([0x98]), 'windows-1250')).toBe(true);
    expect(isRuledOut(Buffer.from([0x98]), 'windows-1251')).toBe(true);
    expect(isRuledOut(Buffer.from([0xf8, 0xe1, 0x9a]), 'windows-1252')).toBe(false);
    // ISO pages hold control codes where Windows pages hold letters: never text.
    expect(isRuledOut(Buffer.from([0x9a]), 'iso-8859-2')).toBe(true);
  });
});

describe('encodingRegion', () => {
  it('names the region of the common pages', () => {
    expect(encodingRegion('windows-1250')).toBe('Central European');
    expect(encodingRegion('utf-8')).toBeNull();
  });
});
