import type { Mapping } from '../../shared/mapping';
import { detectSourceFormat, sniffSource, type SourceFile } from '../engine/reading/source/source';
import { sheetList } from '../engine/reading/workbook/workbook-reader';

/** The mapping with `--sheet` in its source: the flag wins over the mapping's `sheet`. */
export function withSheet(mapping: Mapping, sheet: string | undefined): Mapping {
  if (sheet === undefined) return mapping;
  return { ...mapping, source: { ...mapping.source, sheet } };
}

/**
 * For a workbook of several sheets read without a sheet named (neither `--sheet` nor the
 * mapping's `sheet`): which sheet was read and the names of the others, so that a person who
 * meant another one finds out before anything is sent. Null otherwise.
 */
export function sheetNotice(file: SourceFile, mapping: Mapping): string | null {
  if (file.format === 'csv' || mapping.source?.sheet !== undefined) return null;
  const { sheet, sheets } = file.workbook;
  const others = sheets.filter((candidate) => candidate.name !== sheet);
  if (others.length === 0) return null;
  return `Read the sheet "${sheet}" of ${file.fileName}, the first visible one. Its other ${others.length === 1 ? 'sheet is' : 'sheets are'} ${sheetList(others)}; to read another, add --sheet <name> (or "sheet" to the mapping's "source").`;
}

/**
 * `sheetNotice` for a file not opened yet (the job opens it itself): a look at the workbook's
 * start. Null for a CSV file, a named sheet, or a file the job will refuse in its own words.
 */
export async function sheetNoticeFor(path: string, mapping: Mapping): Promise<string | null> {
  if (mapping.source?.sheet !== undefined) return null;
  if ((await detectSourceFormat(path)) === 'csv') return null;
  try {
    return sheetNotice(await sniffSource(path, mapping.source, { sampleRows: 1 }), mapping);
  } catch {
    return null;
  }
}
