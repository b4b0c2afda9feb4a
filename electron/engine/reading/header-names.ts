/**
 * Makes a file's header usable as column names: trimmed of spaces and a stray byte-order mark,
 * a blank name becomes `Column 3` (its 1-based position), and a repeated name gets a number
 * (`Email`, `Email (2)`, `Email (3)`). Names the file really has keep them (the first of each),
 * since saved mappings refer to them; made-up names step around them. Names are compared
 * exactly, so `Email` and `email` stay two columns.
 */
export function normalizeHeader(raw: readonly string[]): string[] {
  const names = raw.map((name) => name.replace(/^\uFEFF/, '').trim());
  const taken = new Set(names.filter((name) => name !== ''));
  const given = new Set<string>();
  return names.map((name, i) => {
    if (name !== '' && !given.has(name)) {
      given.add(name);
      return name;
    }
    const base = name === '' ? `Column ${i + 1}` : name;
    let unique = base;
    for (let n = 2; taken.has(unique); n += 1) unique = `${base} (${n})`;
    taken.add(unique);
    return unique;
  });
}

const SUGGESTION_RECORDS = 50;
// Share of the rows below a row that must have its number of values for it to be the header of a
// table under a preamble: data rows may have a broken row or a footer, never many.
const KEPT_SHARE = 0.9;

function filledCells(record: readonly string[]): number {
  let filled = 0;
  for (const cell of record) if (cell.trim() !== '') filled += 1;
  return filled;
}

/** The index of the first record with a value in it, or null when every record is blank. */
export function firstFilledRecord(records: readonly (readonly string[])[]): number | null {
  const index = records.findIndex((record) => filledCells(record) > 0);
  return index === -1 ? null : index;
}

/**
 * How many of the header's values are columns: all but nameless ones at its end (a header that
 * ends with a separator, as some finance exports write it) under which no row below has a value.
 * A value under one keeps it, named "Column 4" by `normalizeHeader`, so that nothing is dropped.
 */
export function namedColumnCount(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): number {
  let named = header.length;
  while (named > 1 && (header[named - 1] ?? '').trim() === '') named -= 1;
  for (const row of rows) {
    for (let i = named; i < Math.min(row.length, header.length); i += 1) {
      if ((row[i] ?? '').trim() !== '') named = i + 1;
    }
  }
  return named;
}

/** Whether a record has the candidate header's number of values (or one fewer, for a trailing separator). */
function keepsWidth(record: readonly string[], header: readonly string[]): boolean {
  if (record.length === header.length) return true;
  const lastBlank = (header[header.length - 1] ?? '').trim() === '';
  return lastBlank && record.length === header.length - 1;
}

/**
 * A table under a preamble of key;value lines (German bank and ERP exports): the first record
 * with two or more values whose number of values no record above it has, and nearly every
 * record below it keeps. Null when there is none, or it is the first record.
 */
function belowPreamble(records: readonly (readonly string[])[]): number | null {
  const filled = records.filter((record) => filledCells(record) > 0);
  for (let i = 0; i < filled.length; i += 1) {
    const candidate = filled[i] ?? [];
    if (filledCells(candidate) < 2) continue;
    if (filled.slice(0, i).some((above) => keepsWidth(above, candidate))) continue;
    const below = filled.slice(i + 1);
    if (below.length === 0) return null;
    const kept = below.filter((record) => keepsWidth(record, candidate)).length;
    if (kept >= below.length * KEPT_SHARE) return i === 0 ? null : records.indexOf(candidate) + 1;
  }
  return null;
}

/**
 * The row that most likely holds the column names, when rows above it are not the table: title
 * lines ("Customer export", "Generated 2024-04-01", alone or followed by empty cells, as Excel
 * writes them), or a preamble of key;value lines whose width the table does not share (the first
 * row whose number of values the rows below it keep). Null when that is row 1 or no such row comes
 * soon.
 */
export function suggestHeaderRow(records: readonly (readonly string[])[]): number | null {
  const window = records.slice(0, SUGGESTION_RECORDS);
  const first = window.findIndex((record) => filledCells(record) >= 2);
  if (first === -1) return null;
  if (first > 0) return first + 1;
  return belowPreamble(window);
}
