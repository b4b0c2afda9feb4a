import type { CellKind, FilePreview, SampleRow } from '../../shared/ipc-import';
import type { Mapping } from '../../shared/mapping';
import type { TypedCell } from '../../shared/typed-cells';
import type { DataRow } from '../engine/reading/reader';
import { readSettings, type SourceFile } from '../engine/reading/source/source';

const PREVIEW_ROWS = 100;
// A preview cell longer than this is cut: the screen shows the start of it, and a runaway cell
// (a quote that swallowed half the file) must not travel to the page whole.
const PREVIEW_CELL_CHARS = 500;

const cut = (cell: string) =>
  cell.length > PREVIEW_CELL_CHARS ? `${cell.slice(0, PREVIEW_CELL_CHARS)}…` : cell;

const kindOf = (cell: TypedCell | undefined): CellKind => cell?.kind ?? null;

function sampleRow(row: DataRow): SampleRow {
  const cells = row.cells.map(cut);
  return row.typed
    ? { row: row.row, cells, kinds: row.typed.map(kindOf) }
    : { row: row.row, cells };
}

/** A workbook has no encoding or delimiter to choose: the preview's CSV settings say so plainly. */
const WORKBOOK_TEXT = {
  encoding: 'UTF-8',
  encodingSource: 'default',
  encodingAlternative: null,
  bom: false,
  delimiter: ',',
  delimiterSource: 'default',
} as const;

/** What the first step shows of an opened file. */
export function toFilePreview(file: SourceFile, pasted = false): FilePreview {
  const text =
    file.format === 'csv'
      ? {
          encoding: file.encoding,
          encodingSource: file.encodingSource,
          encodingAlternative: file.encodingAlternative,
          bom: file.bom,
          delimiter: file.delimiter,
          delimiterSource: file.delimiterSource,
        }
      : WORKBOOK_TEXT;
  return {
    fileName: file.fileName,
    fileSize: file.fileSize,
    ...text,
    headerRow: file.headerRow,
    suggestedHeaderRow: file.suggestedHeaderRow,
    header: file.header,
    sampleRows: file.sampleRows.slice(0, PREVIEW_ROWS).map(sampleRow),
    pasted,
    format: file.format,
    workbook:
      file.format === 'csv'
        ? null
        : {
            sheet: file.workbook.sheet,
            sheets: file.workbook.sheets,
            defaultSheet: file.workbook.defaultSheet,
            dateSystem: file.workbook.dateSystem,
          },
  };
}

/** The mapping with the file settings this session reads with, so every pass reads alike. */
export function pinSource(mapping: Mapping, file: SourceFile): Mapping {
  return { ...mapping, source: readSettings(file) };
}
