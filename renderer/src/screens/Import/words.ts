// The names of the encodings the import screens offer, and why one was chosen.

/** Encodings offered in the list; any other detected one is added to it. */
export const ENCODINGS: readonly { value: string; label: string }[] = [
  { value: 'utf-8', label: 'UTF-8 (Unicode)' },
  { value: 'windows-1252', label: 'Windows-1252 (Western European, Excel on Windows)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 (Western European with €)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Unicode, Excel "Unicode text")' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
  { value: 'windows-1250', label: 'Windows-1250 (Central European)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'macintosh', label: 'Mac OS Roman' },
  { value: 'shift_jis', label: 'Shift JIS (Japanese)' },
];

export function encodingName(value: string): string {
  return ENCODINGS.find((e) => e.value === value)?.label ?? value;
}

/** Why this encoding was chosen, in words. */
export function encodingReason(source: string, bom: boolean): string {
  if (bom || source === 'bom') return 'marked in the file';
  if (source === 'valid-utf-8') return 'detected';
  if (source === 'guessed') return 'detected, a best guess';
  if (source === 'chosen') return 'chosen by you';
  return 'the default';
}
