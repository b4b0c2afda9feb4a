import { z } from 'zod';

// The text encodings the app names: how the reader decided one (for the file step, the IPC file
// preview and the CLI's `validate`), the ones the import screen offers, and their words.

/**
 * How the encoding of a file was decided: a byte-order mark, text that is valid UTF-8, the
 * detector's clear guess, this computer's code page where the detector was unsure (`system`),
 * bytes that look like a double-byte code page but not surely (`uncertain`: the person should
 * check), nothing to go by (`default`), or the person's choice.
 */
export const encodingSourceSchema = z.enum([
  'bom',
  'valid-utf-8',
  'guessed',
  'system',
  'uncertain',
  'default',
  'chosen',
]);
export type EncodingSource = z.infer<typeof encodingSourceSchema>;

const REGIONS: Readonly<Record<string, string>> = {
  'windows-1250': 'Central European',
  'windows-1251': 'Cyrillic',
  'windows-1252': 'Western European',
  'windows-1253': 'Greek',
  'windows-1254': 'Turkish',
  'windows-1255': 'Hebrew',
  'windows-1256': 'Arabic',
  'windows-1257': 'Baltic',
  'windows-1258': 'Vietnamese',
  'windows-874': 'Thai',
  'iso-8859-2': 'Central European',
  'iso-8859-15': 'Western European',
  'koi8-r': 'Cyrillic',
  big5: 'Traditional Chinese',
  gb18030: 'Simplified Chinese',
  shift_jis: 'Japanese',
  'euc-jp': 'Japanese',
  'euc-kr': 'Korean',
};

/** The script or region a legacy code page is for ("Central European"), or null. */
export function encodingRegion(encoding: string): string | null {
  return REGIONS[encoding.toLowerCase()] ?? null;
}

/** The encoding in a sentence: `windows-1250 (Central European)`, `utf-8`. */
export function encodingInSentence(encoding: string): string {
  const region = encodingRegion(encoding);
  return region === null ? encoding : `${encoding} (${region})`;
}

/** Encodings the import screen offers; a detected one that is not here is added to the list. */
export const ENCODINGS: readonly { value: string; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8 (Unicode)' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European, Excel on Windows)' },
  { value: 'windows-1250', label: 'Windows-1250 (Central European)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 (Western European with €)' },
  { value: 'iso-8859-2', label: 'ISO-8859-2 (Central European)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Unicode, Excel "Unicode text")' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'macintosh', label: 'Mac OS Roman' },
  { value: 'shift_jis', label: 'Shift JIS (Japanese)' },
  { value: 'big5', label: 'Big5 (Traditional Chinese)' },
  { value: 'gb18030', label: 'GB18030 (Simplified Chinese)' },
  { value: 'euc-kr', label: 'EUC-KR (Korean)' },
];

/** How a file's encoding was decided, as `SniffResult` and the file preview carry it. */
export interface EncodingDecision {
  encoding: string;
  encodingSource: EncodingSource;
  /** The other likely encoding, for `system` and `uncertain`. */
  encodingAlternative: string | null;
  bom: boolean;
}

/**
 * Why this encoding, in words (the file step shows it under the choice): "the code page Excel
 * writes on this computer; the file could also be windows-1252 (Western European)".
 */
export function encodingReason(decision: EncodingDecision): string {
  const other = decision.encodingAlternative;
  switch (decision.bom ? 'bom' : decision.encodingSource) {
    case 'bom':
      return 'marked in the file (a byte-order mark)';
    case 'valid-utf-8':
      return 'detected: the text is valid UTF-8';
    case 'guessed':
      return 'detected from the letters in the file';
    case 'system':
      return other === null
        ? 'the code page Excel writes on this computer'
        : `the code page Excel writes on this computer; the file could also be ${encodingInSentence(other)}`;
    case 'uncertain':
      return other === null
        ? 'not sure: check the preview'
        : `looks like ${encodingInSentence(other)} but not surely: check the preview, and choose ${other} if the text reads wrong`;
    case 'default':
      return 'the default: nothing in the file tells';
    case 'chosen':
      return 'chosen by you';
  }
}

/** The encoding with its reason, for the command line: `windows-1250 (Central European): …`. */
export function encodingSentence(decision: EncodingDecision): string {
  return `${encodingInSentence(decision.encoding)}: ${encodingReason(decision)}.`;
}
