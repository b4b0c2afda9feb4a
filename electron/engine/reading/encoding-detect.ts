import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import { utf8CompleteLength } from './encoding-decode';

/** How the encoding was decided, so the screen can say "detected" or "guessed". */
export type EncodingSource = 'bom' | 'valid-utf-8' | 'guessed' | 'default' | 'chosen';

export interface DetectedEncoding {
  encoding: string;
  /** Bytes of the byte-order mark at the start of the file (0 when there is none). */
  bomLength: number;
  source: EncodingSource;
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

const SINGLE_BYTE = /^(?:ISO-8859-\d+|windows-125\d|KOI8-R)$/;
const WESTERN = new Set(['ISO-8859-1', 'windows-1252']);
// chardet reads a short sample by letter frequencies; on a few accented names it may prefer a
// neighbouring code page by a small margin. Windows-1252 (what Excel writes on Western systems)
// stays unless another single-byte code page wins clearly.
const CLEAR_MARGIN = 10;
const CHARDET_SAMPLE = 64 * 1024;

function guessSingleByte(sample: Uint8Array): { encoding: string; source: EncodingSource } {
  const matches = chardet
    .analyse(sample.subarray(0, CHARDET_SAMPLE))
    .filter((match) => SINGLE_BYTE.test(match.name));
  const best = matches[0];
  if (!best) return { encoding: 'windows-1252', source: 'default' };
  const western = matches.find((match) => WESTERN.has(match.name))?.confidence ?? 0;
  if (WESTERN.has(best.name) || best.confidence < western + CLEAR_MARGIN) {
    return { encoding: 'windows-1252', source: 'guessed' };
  }
  return { encoding: best.name.toLowerCase(), source: 'guessed' };
}

/**
 * Decides the encoding of a file from its first bytes: a BOM wins; else UTF-16 by its zero bytes;
 * else UTF-8 if the sample is valid UTF-8 (plain ASCII included); else chardet's guess among
 * single-byte code pages, Windows-1252 unless another wins clearly. `complete` says whether the
 * sample is the whole file (otherwise it may end inside a character).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  const bom = detectBom(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, source: 'bom' };
  const utf16 = guessUtf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, source: 'guessed' };
  const checked = complete ? sample : sample.subarray(0, utf8CompleteLength(sample));
  if (isUtf8(checked)) return { encoding: 'utf-8', bomLength: 0, source: 'valid-utf-8' };
  return { ...guessSingleByte(sample), bomLength: 0 };
}
