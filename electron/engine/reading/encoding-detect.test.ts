import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

describe('detectEncoding on exports from Central Europe and Asia', () => {
  const fixture = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../../../e2e/fixtures/exports/${name}`, import.meta.url)));
  const decoded = (name: string, encoding: string) => iconv.decode(fixture(name), encoding);

  it('reads a Czech Excel CSV as windows-1250, on a Western computer too (ť rules out windows-1252)', () => {
    for (const systemCodePage of ['windows-1252', 'windows-1250']) {
      const result = detectEncoding(fixture('czech-crm-windows-1250.csv'), true, {
        systemCodePage,
      });
      expect(result.encoding).toBe('windows-1250');
      expect(decoded('czech-crm-windows-1250.csv', result.encoding)).toContain('přihlášení');
    }
  });

  it('lets the code page of this computer decide Czech, Polish and Hungarian text that windows-1252 also decodes', () => {
    // Every byte of these lines is defined in windows-1252 too, which reads them as mojibake.
    const lines = {
      Czech: 'jméno;událost\nJiří Řezníček;přihlášení\nŽofie Dvořáková;přihlášení\n',
      Polish: 'imię;zdarzenie\nŁukasz Wąsowski;logowanie\nZażółć Gęślą;zakup\n',
      Hungarian: 'név;esemény\nÁrvíztűrő Tükörfúrógép;bejelentkezés\nŐri Ödön;vásárlás\n',
    };
    for (const [language, text] of Object.entries(lines)) {
      const bytes = iconv.encode(text, 'windows-1250');
      expect(iconv.decode(bytes, 'windows-1252'), language).not.toContain('\uFFFD');
      const central = detectEncoding(bytes, true, { systemCodePage: 'windows-1250' });
      expect(central.encoding, language).toBe('windows-1250');
      expect(iconv.decode(bytes, central.encoding)).toBe(text);
    }
  });

  it('says when this computer decided, and what the other reading was', () => {
    const result = detectEncoding(fixture('hungarian-windows-1250.csv'), true, {
      systemCodePage: 'windows-1250',
    });
    expect(result.encoding).toBe('windows-1250');
    const western = detectEncoding(fixture('hungarian-windows-1250.csv'), true, {
      systemCodePage: 'windows-1252',
    });
    expect(western).toMatchObject({
      encoding: 'windows-1252',
      source: 'system',
      alternative: 'windows-1250',
    });
  });

  it('never picks a code page that leaves a byte of the file undefined', () => {
    // 0x81 is undefined in windows-1252 and windows-1250; windows-1251 reads it as Ѓ.
    const bytes = Buffer.concat([iconv.encode('name\nПетр ', 'windows-1251'), Buffer.from([0x81])]);
    for (const systemCodePage of ['windows-1252', 'windows-1250']) {
      expect(detectEncoding(bytes, true, { systemCodePage }).encoding).toBe('windows-1251');
    }
  });

  it('keeps short Latin-1 text Western, not Turkish', () => {
    expect(detectEncoding(fixture('short-latin1.csv'), true).encoding).toBe('windows-1252');
    expect(
      detectEncoding(fixture('short-latin1.csv'), true, { systemCodePage: 'windows-1250' })
        .encoding,
    ).toBe('windows-1252');
  });

  it.each([
    ['big5-crm.csv', 'big5', '陳大文'],
    ['shift-jis-crm.csv', 'shift_jis', '山田太郎'],
    ['euc-kr-crm.csv', 'euc-kr', '김민준'],
  ])('detects %s as %s when chardet is sure', (name, encoding, text) => {
    const result = detectEncoding(fixture(name), true);
    expect(result).toMatchObject({ encoding, source: 'guessed' });
    expect(decoded(name, result.encoding)).toContain(text);
  });

  it('detects GB18030 in a longer file, and flags a short one it cannot tell from EUC-KR', () => {
    const long = iconv.encode(
      '客户,事件,备注\n'.concat('张伟,登录,这是我们的老客户，请优先处理他的问题\n'.repeat(30)),
      'gb18030',
    );
    expect(detectEncoding(long, true).encoding).toBe('gb18030');
    expect(detectEncoding(fixture('gb18030-crm.csv'), true)).toMatchObject({
      source: 'uncertain',
    });
    // On a Chinese (Simplified) computer the file is read as what Excel there writes.
    expect(
      detectEncoding(fixture('gb18030-crm.csv'), true, { systemCodePage: 'gb18030' }),
    ).toMatchObject({ encoding: 'gb18030', source: 'system' });
  });
});
