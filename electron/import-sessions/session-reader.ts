import type { RowConverter } from '../../shared/convert';
import type { RowEdits } from '../engine/validation/import-edits';
import type { SourceFile } from '../engine/reading/source/source';
import { checkRows, type CheckedRow } from '../engine/validation/validate';
import type { RowIndex } from './row-index';

/** What reading a validated file again needs. */
export interface ValidatedFile {
  path: string;
  file: SourceFile;
  converter: RowConverter;
  index: RowIndex;
}

function rowsFrom(source: ValidatedFile, point: number, edits: RowEdits) {
  const at = source.index.at(point);
  const resumeFrom =
    at.byteOffset === 0 ? undefined : { byteOffset: at.byteOffset, rowNumber: at.rowNumber };
  return checkRows(
    source.path,
    source.file,
    (cells, row, typed) => source.converter.convert(cells, row, typed),
    resumeFrom,
    edits,
  );
}

/** `limit` rows from data position `offset` on, with their checks: one chunk of reading, typically. */
export async function readByPosition(
  source: ValidatedFile,
  offset: number,
  limit: number,
  edits: RowEdits,
): Promise<CheckedRow[]> {
  const point = source.index.beforeIndex(offset);
  let position = source.index.at(point).dataIndex;
  const result: CheckedRow[] = [];
  for await (const chunk of rowsFrom(source, point, edits)) {
    for (const checked of chunk.rows) {
      if (position >= offset) result.push(checked);
      position += 1;
      if (result.length >= limit) return result;
    }
  }
  return result;
}

/**
 * The rows with these numbers (ascending), with their checks. Rows far apart are each read from
 * their nearest index point, so a page of scattered problem rows does not read the whole file.
 */
export async function readByNumber(
  source: ValidatedFile,
  wanted: readonly number[],
  edits: RowEdits,
): Promise<CheckedRow[]> {
  const result: CheckedRow[] = [];
  let next = 0;
  while (next < wanted.length) {
    const point = source.index.beforeRow(wanted[next] ?? 0);
    let reseek = false;
    for await (const chunk of rowsFrom(source, point, edits)) {
      for (const checked of chunk.rows) {
        // A wanted row that is not a data row (blank, or past the end) is passed over.
        while (next < wanted.length && (wanted[next] ?? 0) < checked.row.row) next += 1;
        if (next >= wanted.length) return result;
        if (wanted[next] === checked.row.row) {
          result.push(checked);
          next += 1;
        }
      }
      const upcoming = wanted[next];
      if (upcoming === undefined) return result;
      // An index point lies between here and the next wanted row: jump there instead of reading on.
      const ahead = source.index.at(source.index.beforeRow(upcoming));
      if (ahead.rowNumber > chunk.nextRowNumber) {
        reseek = true;
        break;
      }
    }
    if (!reseek) break;
  }
  return result;
}
