import { loadJournal } from '../journal/journal-load';
import { readSourceRows, type SourceFile } from '../reading/source/source';
import { writeRejectedReport, type ReportRow } from './report';

/**
 * Writes the rejected-rows report of a job from its journal: rows invalid in the file carry their
 * cells in the journal; rows the server refused do not (the journal stays small), so the file is
 * read once more for just those. Resolves to the number of rows written.
 */
export async function writeJobReport(
  reportPath: string,
  journalFile: string,
  path: string,
  file: SourceFile,
): Promise<number> {
  const state = await loadJournal(journalFile);
  const missing = new Set(state.rejected.filter((r) => r.cells === null).map((r) => r.row));
  const found = new Map<number, string[]>();
  if (missing.size > 0) {
    for await (const chunk of readSourceRows(path, file)) {
      for (const row of chunk.rows) {
        if (missing.has(row.row)) found.set(row.row, row.cells);
      }
      if (found.size === missing.size) break;
    }
  }
  const rows: ReportRow[] = state.rejected.map((r) => ({
    row: r.row,
    error: r.message,
    cells: r.cells ?? found.get(r.row) ?? [],
  }));
  await writeRejectedReport(reportPath, file.header, rows, { delimiter: ',' });
  return rows.length;
}
