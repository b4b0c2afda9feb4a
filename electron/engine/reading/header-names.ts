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

function filledCells(record: readonly string[]): number {
  let filled = 0;
  for (const cell of record) if (cell.trim() !== '') filled += 1;
  return filled;
}

/**
 * The row that most likely holds the column names, for files with title lines above the header
 * ("Customer export", "Generated 2024-04-01", alone or followed by empty cells, as Excel writes
 * them): the first of the first records with two or more values, when every record above it has
 * at most one. Null when that is row 1 or no such row comes soon.
 */
export function suggestHeaderRow(records: readonly (readonly string[])[]): number | null {
  const end = Math.min(records.length, SUGGESTION_RECORDS);
  for (let i = 0; i < end; i += 1) {
    if (filledCells(records[i] ?? []) >= 2) return i > 0 ? i + 1 : null;
  }
  return null;
}
