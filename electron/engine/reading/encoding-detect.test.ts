import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectBom, detectEncoding } from './encoding-detect';

const latin = (text: string, encoding = 'windows-1252') => iconv.encode(text, encoding);

describe('detectEncoding', () => {
  it('lets a BOM decide', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), true)).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
      source: 'bom',
    });
    expect(detectBom(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      length: 2,
    });
    expect(detectBom(Buffer.from([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: 'utf-16be',
      length: 2,
    });
    expect(detectBom(Buffer.from('abc'))).toBeNull();
  });

  it('takes valid UTF-8 as UTF-8, even when the sample ends inside a character', () => {
    const bytes = Buffer.from('name\nZoë Müller €');
    expect(detectEncoding(bytes, true).encoding).toBe('utf-8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1), false).encoding).toBe('utf-8');
  });

  it.each([
    ['German', 'Kunde;Stadt;Betrag\nMüller;Köln;12,50 €\nStraße;Zürich;3 €\nJürgen;Düsseldorf;5\n'],
    ['French', 'nom,ville\nJosé,Málaga\nFrançois,Besançon\nÉlodie,Orléans\n'],
    ['a single accent', 'id,name\n1,Renée\n'],
  ])('reads legacy %s text as Windows-1252', (_, text) => {
    expect(detectEncoding(latin(text), true)).toMatchObject({
      encoding: 'windows-1252',
      source: 'guessed',
    });
  });

  it('recognises another single-byte code page when it clearly wins', () => {
    const russian = 'Имя,Город,Комментарий\n'.concat(
      'Иван,Москва,Постоянный клиент с прошлого года\n'.repeat(5),
      'Пётр,Санкт-Петербург,Хочет получить скидку на следующую покупку\n'.repeat(5),
    );
    expect(detectEncoding(latin(russian, 'windows-1251'), true).encoding).toBe('windows-1251');
  });
});
