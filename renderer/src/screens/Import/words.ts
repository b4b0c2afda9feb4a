// Numbers, sizes and durations in the words the import screens use.

const counts = new Intl.NumberFormat('en-US');

/** 1234567 -> "1,234,567". */
export function count(value: number): string {
  return counts.format(value);
}

/** "1 row", "2 rows". */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

/** 1536 -> "1.5 KB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? 'GB'}`;
}

/** 75 -> "1 min 15 s"; 3700 -> "1 h 2 min". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 === 0 ? `${minutes} min` : `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

export const DELIMITERS: readonly { value: string; label: string }[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Vertical bar ( | )' },
];

export function delimiterName(value: string): string {
  return DELIMITERS.find((d) => d.value === value)?.label ?? value;
}

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
