import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { ReadError } from './reader-error';

/**
 * How text is stored, as far as reading needs to know: byte offsets are counted per chunk from the
 * decoded text, which is exact only when we know how many bytes each character took.
 */
export type EncodingKind = 'utf-8' | 'utf-16le' | 'utf-16be' | 'single-byte' | 'multi-byte';

export interface ResolvedEncoding {
  /** The canonical name shown to people and saved in mappings, e.g. `utf-8`, `windows-1252`. */
  name: string;
  kind: EncodingKind;
}

// Browsers read files labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding), because that is
// what such files almost always are; Excel's "CSV" on Western Windows is Windows-1252 too.
const WINDOWS_1252_ALIASES = new Set(['latin1', 'iso88591', 'l1', 'cp819', 'ascii', 'usascii']);

function canonicalName(name: string): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (WINDOWS_1252_ALIASES.has(key)) return 'windows-1252';
  const windows = /^(?:windows|win|cp)(125\d)$/.exec(key);
  if (windows) return `windows-${windows[1]}`;
  const iso = /^iso8859(\d{1,2})$/.exec(key);
  if (iso) return `iso-8859-${iso[1]}`;
  if (key === 'utf8') return 'utf-8';
  if (key === 'utf16le' || key === 'utf16' || key === 'ucs2') return 'utf-16le';
  if (key === 'utf16be') return 'utf-16be';
  return name.trim().toLowerCase();
}

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

/**
 * Checks an encoding name (from a mapping or the user) and says how it stores characters.
 * Throws a `ReadError` with code `unknown_encoding` for a name that iconv-lite does not know.
 */
export function resolveEncoding(name: string): ResolvedEncoding {
  const canonical = canonicalName(name);
  if (canonical === 'utf-8' || canonical === 'utf-16le' || canonical === 'utf-16be') {
    return { name: canonical, kind: canonical };
  }
  if (canonical === '' || !iconv.encodingExists(canonical)) {
    throw new ReadError(
      'unknown_encoding',
      `${JSON.stringify(name)} is not a text encoding this app knows. Use "auto" to detect it, or a name such as "utf-8", "windows-1252" or "iso-8859-15".`,
    );
  }
  // A single-byte code page turns each of the 256 byte values into exactly one character.
  const singleByte = iconv.decode(Buffer.from(ALL_BYTES), canonical).length === 256;
  return { name: canonical, kind: singleByte ? 'single-byte' : 'multi-byte' };
}

/** A decoder fed the file's bytes in pieces; pieces may split a character. */
export interface StreamDecoder {
  write(bytes: Buffer): string;
  end(): string;
  /** True once bytes were seen that are not valid in the encoding (checked for UTF-8 only). */
  readonly invalid: boolean;
  /**
   * Bytes written but not yet returned as text (the start of a split character), or null when the
   * decoder cannot tell (legacy multi-byte encodings).
   */
  readonly pendingBytes: number | null;
}

/**
 * The length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence, so that
 * a piece of the file can be checked and decoded on its own.
 */
export function utf8CompleteLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let i = length - 1; i >= 0 && i >= length - 4; i -= 1) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length - i < needed ? i : length;
  }
  return length;
}

// Buffer#toString and isUtf8 are both native and vectorised: together faster than a fatal
// TextDecoder, and the replacement characters they leave show where the bad bytes were.
function utf8Decoder(): StreamDecoder {
  let carry: Buffer | null = null;
  let invalid = false;
  const decode = (bytes: Buffer): string => {
    if (!invalid && !isUtf8(bytes)) invalid = true;
    return bytes.toString('utf8');
  };
  return {
    get invalid() {
      return invalid;
    },
    get pendingBytes() {
      return carry?.length ?? 0;
    },
    write(chunk) {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = utf8CompleteLength(bytes);
      carry = cut < bytes.length ? Buffer.from(bytes.subarray(cut)) : null;
      return decode(bytes.subarray(0, cut));
    },
    end() {
      const rest = carry;
      carry = null;
      return rest ? decode(rest) : '';
    },
  };
}

// JavaScript strings are UTF-16, so a surrogate pair split between two pieces joins up again
// when the strings are concatenated: only an odd byte needs carrying.
function utf16Decoder(bigEndian: boolean): StreamDecoder {
  let carry: Buffer | null = null;
  const decode = (bytes: Buffer): string => {
    if (!bigEndian) return bytes.toString('utf16le');
    return Buffer.from(bytes).swap16().toString('utf16le');
  };
  return {
    invalid: false,
    get pendingBytes() {
      return carry?.length ?? 0;
    },
    write(chunk) {
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const even = bytes.length - (bytes.length % 2);
      carry = even < bytes.length ? Buffer.from(bytes.subarray(even)) : null;
      return decode(bytes.subarray(0, even));
    },
    end() {
      // A lone last byte is not a character; U+FFFD shows that something was cut off.
      const rest = carry;
      carry = null;
      return rest ? '\uFFFD' : '';
    },
  };
}

function iconvDecoder(name: string, singleByte: boolean): StreamDecoder {
  const decoder = iconv.getDecoder(name, { stripBOM: false });
  return {
    invalid: false,
    pendingBytes: singleByte ? 0 : null,
    write: (bytes) => decoder.write(bytes),
    end: () => decoder.end() ?? '',
  };
}

export function createDecoder(encoding: ResolvedEncoding): StreamDecoder {
  if (encoding.kind === 'utf-8') return utf8Decoder();
  if (encoding.kind === 'utf-16le') return utf16Decoder(false);
  if (encoding.kind === 'utf-16be') return utf16Decoder(true);
  return iconvDecoder(encoding.name, encoding.kind === 'single-byte');
}

/**
 * Counts the bytes a piece of decoded text took in the file. Called once per chunk (on the short
 * unparsed rest, where the decoder can say what it holds back), never per row.
 * Exact for UTF-8 (valid input), UTF-16 and single-byte code pages; for legacy multi-byte
 * encodings (Shift_JIS, GB18030, ...) it re-encodes, which is exact for text that round-trips.
 */
export function byteCounter(encoding: ResolvedEncoding): (text: string) => number {
  switch (encoding.kind) {
    case 'utf-8':
      return (text) => Buffer.byteLength(text, 'utf8');
    case 'utf-16le':
    case 'utf-16be':
      return (text) => text.length * 2;
    case 'single-byte':
      return (text) => text.length;
    case 'multi-byte':
      return (text) => iconv.encode(text, encoding.name).length;
  }
}
