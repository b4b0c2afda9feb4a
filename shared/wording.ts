// Counts, sizes and durations in the words every part of the app shows them in: the import
// screens, the engine's messages and the command line say "2,000 rows" and "3 min 20 s" alike.

const counts = new Intl.NumberFormat('en-US');

/** 1234567 -> "1,234,567". */
export function count(value: number): string {
  return counts.format(value);
}

/** "1 row", "2,000 rows"; `many` for nouns whose plural is not `one` + "s". */
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

/** 75 -> "1 min 15 s"; 3700 -> "1 h 1 min" (a part left over under a minute is dropped). */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return s % 60 === 0 ? `${minutes} min` : `${minutes} min ${s % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
