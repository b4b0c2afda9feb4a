import iconv from 'iconv-lite';

/**
 * The legacy code page that Excel's "CSV" writes on a computer: the ANSI code page of the
 * system locale. When the detector cannot tell two code pages apart (Czech and German text both
 * decode without an error as windows-1250 and as windows-1252), the file most likely came from a
 * colleague's Excel set up like this one, so this page is the tie-breaker.
 */
const ANSI_BY_LANGUAGE: Readonly<Record<string, string>> = {
  // Central European
  cs: 'windows-1250',
  sk: 'windows-1250',
  pl: 'windows-1250',
  hu: 'windows-1250',
  sl: 'windows-1250',
  hr: 'windows-1250',
  bs: 'windows-1250',
  ro: 'windows-1250',
  sq: 'windows-1250',
  // Cyrillic
  ru: 'windows-1251',
  uk: 'windows-1251',
  bg: 'windows-1251',
  be: 'windows-1251',
  mk: 'windows-1251',
  sr: 'windows-1251',
  // Others with a code page of their own
  el: 'windows-1253',
  tr: 'windows-1254',
  az: 'windows-1254',
  he: 'windows-1255',
  ar: 'windows-1256',
  fa: 'windows-1256',
  ur: 'windows-1256',
  et: 'windows-1257',
  lv: 'windows-1257',
  lt: 'windows-1257',
  vi: 'windows-1258',
  th: 'windows-874',
  ja: 'shift_jis',
  ko: 'euc-kr',
};

/** windows-1252 (Western European) is the ANSI code page of every locale not listed above. */
export const WESTERN_CODE_PAGE = 'windows-1252';

/**
 * The ANSI code page of a BCP 47 locale such as `cs-CZ`, `sr-Latn-RS` or `zh-Hant-TW` (POSIX
 * forms such as `cs_CZ.UTF-8` are accepted too).
 */
export function ansiCodePageFor(locale: string): string {
  const parts = locale.split(/[-_.@]/).map((part) => part.toLowerCase());
  const language = parts[0] ?? '';
  if (language === 'zh') {
    const traditional = parts.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part));
    return traditional ? 'big5' : 'gb18030';
  }
  // Serbian and Bosnian in Latin script are Central European; in Cyrillic, Cyrillic.
  if (language === 'sr' && parts.includes('latn')) return 'windows-1250';
  if (language === 'bs' && parts.includes('cyrl')) return 'windows-1251';
  return ANSI_BY_LANGUAGE[language] ?? WESTERN_CODE_PAGE;
}

const undefinedBytes = new Map<string, Uint8Array>();

/** 1 for each byte value the single-byte code page leaves undefined (or maps to a C1 control). */
function undefinedBytesOf(codePage: string): Uint8Array {
  let table = undefinedBytes.get(codePage);
  if (!table) {
    table = new Uint8Array(256);
    for (let byte = 0x80; byte < 256; byte += 1) {
      const code = iconv.decode(Buffer.from([byte]), codePage).charCodeAt(0);
      if (code === 0xfffd || (code >= 0x80 && code < 0xa0)) table[byte] = 1;
    }
    undefinedBytes.set(codePage, table);
  }
  return table;
}

/**
 * Whether `sample` holds a byte that the single-byte code page leaves undefined: real text is
 * never written with such a byte, so that page is ruled out (0x81 rules out windows-1252, 0x98
 * rules out windows-1250; no byte rules out windows-1252 for Czech text, which is the hard case).
 */
export function isRuledOut(sample: Uint8Array, codePage: string): boolean {
  const table = undefinedBytesOf(codePage);
  for (const byte of sample) if (table[byte] === 1) return true;
  return false;
}
