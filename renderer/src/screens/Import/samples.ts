import type { FilePreview } from '../../../../shared/ipc-import';

/** The first few distinct, non-blank values of a column in the preview rows. */
export function columnSamples(file: FilePreview, column: string, limit = 3): string[] {
  const index = file.header.indexOf(column);
  if (index === -1) return [];
  const seen = new Set<string>();
  for (const row of file.sampleRows) {
    const value = (row.cells[index] ?? '').trim();
    if (value !== '') seen.add(value);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

/** Every value of a column in the preview rows (blank ones too), for format detection. */
export function columnValues(file: FilePreview, column: string): string[] {
  const index = file.header.indexOf(column);
  return index === -1 ? [] : file.sampleRows.map((row) => row.cells[index] ?? '');
}

export function samplesText(samples: readonly string[]): string {
  if (samples.length === 0) return 'No values in the first rows.';
  const shown = samples.map((s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s));
  return `For example: ${shown.join(', ')}`;
}

/**
 * Whether a workbook column holds date cells in the first rows (every value that is there): such
 * cells are read as the wall-clock time they show, whatever timestamp format is chosen.
 */
export function isDateCellColumn(file: FilePreview, column: string): boolean {
  const index = file.header.indexOf(column);
  if (index === -1 || file.workbook === null) return false;
  let dates = 0;
  for (const row of file.sampleRows) {
    if ((row.cells[index] ?? '').trim() === '') continue;
    if (row.kinds?.[index] !== 'date') return false;
    dates += 1;
  }
  return dates > 0;
}
