import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { isRuledOut, WESTERN_CODE_PAGE } from './code-pages';
import { utf8CompleteLength } from './encoding-decode';
import type { EncodingSource } from '../../../shared/encodings';

export type { EncodingSource } from '../../../shared/encodings';

export interface DetectedEncoding {
  encoding: string;
  /** Bytes of the byte-order mark at the start of the file (0 when there is none). */
  bomLength: number;
  source: EncodingSource;
  /** The other likely encoding when the choice was close ('system' or 'uncertain'). */
  alternative?: string;
}

const BOMS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** The byte-order mark at the start of `head`, if any. A BOM always wins over any other clue. */
export function detectBom(head: Uint8Array): { encoding: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => head[i] === byte)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/**
 * UTF-16 without a BOM (rare, but some exporters write it): text that is mostly Latin script has a
 * zero in every other byte, on the odd side for little-endian and the even side for big-endian.
 */
function guessUtf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (sample[2 * i] === 0) evenZeros += 1;
    if (sample[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return null;
}

// chardet names ISO pages where Excel writes the Windows page with the same letters in the same
// places (nearly); a file from Excel is the Windows one.
const WINDOWS_NAME: Readonly<Record<string, string>> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'windows-1250',
  'ISO-8859-5': 'windows-1251',
  'ISO-8859-7': 'windows-1253',
  'ISO-8859-8': 'windows-1255',
  'ISO-8859-9': 'windows-1254',
  'ISO-8859-6': 'windows-1256',
};
const SINGLE_BYTE = /^(?:ISO-8859-\d+|windows-125\d|KOI8-R)$/;
const MULTI_BYTE: Readonly<Record<string, string>> = {
  Big5: 'big5',
  GB18030: 'gb18030',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
};
// chardet reads a short sample by letter frequencies; on a few accented names it may prefer a
// neighbouring code page by a small margin. Below this margin the detector counts as unsure and
// this computer's own code page decides.
const CLEAR_MARGIN = 10;
// A multi-byte guess is taken only this sure, and only when the sample decodes cleanly in it: a
// wrong one turns every name into other characters, not into a few odd letters.
const MULTI_BYTE_CONFIDENCE = 80;
const CHARDET_SAMPLE = 64 * 1024;

export interface DetectOptions {
  /**
   * The code page Excel writes on this computer (see `ansiCodePageFor`): it wins where the
   * detector is unsure. windows-1252 when left out.
   */
  systemCodePage?: string;
}

interface Candidate {
  encoding: string;
  confidence: number;
}

/** Whether the sample has bytes above 0x7F laid out as a double-byte code page writes them. */
function decodesCleanly(sample: Uint8Array, encoding: string, complete: boolean): boolean {
  const text = iconv.decode(Buffer.from(sample), encoding);
  const replaced = text.indexOf('\uFFFD');
  // A sample cut off mid-file may end inside a character: one replacement at the very end is that.
  return replaced === -1 || (!complete && replaced >= text.length - 1);
}

// Share of the bytes above 0x7F that stand next to another one, above which text looks written in
// a double-byte code page (where a character is two such bytes) rather than in a single-byte page
// (where an accented letter mostly stands between plain letters).
const PAIRED_SHARE = 0.8;
const PAIRED_MIN_BYTES = 4;

/** Whether nearly every byte above 0x7F has a neighbour above 0x7F, as in Chinese, Japanese, Korean. */
function looksDoubleByte(sample: Uint8Array): boolean {
  let high = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i += 1) {
    if ((sample[i] ?? 0) < 0x80) continue;
    high += 1;
    if ((sample[i - 1] ?? 0) >= 0x80 || (sample[i + 1] ?? 0) >= 0x80) paired += 1;
  }
  return high >= PAIRED_MIN_BYTES && paired >= high * PAIRED_SHARE;
}

// Where chardet offers nothing that fits, the common Windows pages in turn; windows-1251 and
// windows-1256 leave (almost) no byte undefined, so one of them always fits.
const FALLBACK_PAGES = ['windows-1252', 'windows-1250', 'windows-1251', 'windows-1256'];

function firstPossible(sample: Uint8Array, system: string): string {
  const pages = [system, ...FALLBACK_PAGES];
  return pages.find((page) => !isRuledOut(sample, page)) ?? 'windows-1256';
}

function guessLegacy(
  sample: Uint8Array,
  complete: boolean,
  systemCodePage: string,
): { encoding: string; source: EncodingSource; alternative: string | null } {
  const matches = chardet.analyse(sample.subarray(0, CHARDET_SAMPLE));
  const multi = matches.find((match) => MULTI_BYTE[match.name] !== undefined);
  const systemIsMultiByte = Object.values(MULTI_BYTE).includes(systemCodePage);
  if (multi) {
    const encoding = MULTI_BYTE[multi.name] ?? multi.name;
    const sure = multi.confidence >= MULTI_BYTE_CONFIDENCE || encoding === systemCodePage;
    if (sure && decodesCleanly(sample, encoding, complete)) {
      return {
        encoding,
        source: encoding === systemCodePage ? 'system' : 'guessed',
        alternative: null,
      };
    }
  }
  if (systemIsMultiByte && decodesCleanly(sample, systemCodePage, complete)) {
    return { encoding: systemCodePage, source: 'system', alternative: null };
  }
  const single: Candidate[] = [];
  for (const match of matches) {
    if (!SINGLE_BYTE.test(match.name)) continue;
    const encoding = WINDOWS_NAME[match.name] ?? match.name.toLowerCase();
    if (single.some((c) => c.encoding === encoding) || isRuledOut(sample, encoding)) continue;
    single.push({ encoding, confidence: match.confidence });
  }
  const system = systemIsMultiByte ? WESTERN_CODE_PAGE : systemCodePage;
  const systemPossible = !isRuledOut(sample, system);
  const best = single[0];
  // Bytes that look like a double-byte page's, but not surely enough: say so instead of guessing.
  // A short file gives chardet too few letters to be sure, so the bytes' layout counts too.
  const multiLikely =
    multi !== undefined &&
    (multi.confidence >= (best?.confidence ?? 0) ||
      (looksDoubleByte(sample) &&
        decodesCleanly(sample, MULTI_BYTE[multi.name] ?? multi.name, complete)));
  if (multi && multiLikely) {
    const encoding = systemPossible ? system : (best?.encoding ?? firstPossible(sample, system));
    return { encoding, source: 'uncertain', alternative: MULTI_BYTE[multi.name] ?? null };
  }
  if (!best)
    return { encoding: firstPossible(sample, system), source: 'default', alternative: null };
  if (!systemPossible || best.encoding === system) {
    return { encoding: best.encoding, source: 'guessed', alternative: null };
  }
  const systemConfidence = single.find((c) => c.encoding === system)?.confidence ?? 0;
  if (best.confidence >= systemConfidence + CLEAR_MARGIN) {
    return { encoding: best.encoding, source: 'guessed', alternative: null };
  }
  return { encoding: system, source: 'system', alternative: best.encoding };
}

/**
 * Decides the encoding of a file from its first bytes: a BOM wins; else UTF-16 by its zero bytes;
 * else UTF-8 if the sample is valid UTF-8 (plain ASCII included); else a legacy code page:
 * a double-byte one (Big5, GB18030, Shift_JIS, EUC-KR) when chardet is sure and the bytes decode
 * cleanly, flagged as uncertain when they only look like one; among single-byte pages, those that
 * leave a byte of the sample undefined are ruled out, chardet's choice wins when it wins clearly,
 * and otherwise this computer's own code page (`systemCodePage`) wins. `complete` says whether the
 * sample is the whole file (otherwise it may end inside a character).
 */
export function detectEncoding(
  sample: Uint8Array,
  complete: boolean,
  options: DetectOptions = {},
): DetectedEncoding {
  const bom = detectBom(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, source: 'bom' };
  const utf16 = guessUtf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, source: 'guessed' };
  const checked = complete ? sample : sample.subarray(0, utf8CompleteLength(sample));
  if (isUtf8(checked)) return { encoding: 'utf-8', bomLength: 0, source: 'valid-utf-8' };
  const guess = guessLegacy(sample, complete, options.systemCodePage ?? WESTERN_CODE_PAGE);
  return {
    encoding: guess.encoding,
    bomLength: 0,
    source: guess.source,
    ...(guess.alternative === null ? {} : { alternative: guess.alternative }),
  };
}
