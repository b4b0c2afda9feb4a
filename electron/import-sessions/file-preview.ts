import type { FilePreview } from '../../shared/ipc-import';
import type { FileSource, Mapping } from '../../shared/mapping';
import type { SniffResult } from '../engine/reading/reader';

const PREVIEW_ROWS = 100;
// A preview cell longer than this is cut: the screen shows the start of it, and a runaway cell
// (a quote that swallowed half the file) must not travel to the page whole.
const PREVIEW_CELL_CHARS = 500;

const cut = (cell: string) =>
  cell.length > PREVIEW_CELL_CHARS ? `${cell.slice(0, PREVIEW_CELL_CHARS)}…` : cell;

/** What the first step shows of a sniffed file. */
export function toFilePreview(file: SniffResult, pasted = false): FilePreview {
  return {
    fileName: file.fileName,
    fileSize: file.fileSize,
    encoding: file.encoding,
    encodingSource: file.encodingSource,
    encodingAlternative: file.encodingAlternative,
    bom: file.bom,
    delimiter: file.delimiter,
    delimiterSource: file.delimiterSource,
    headerRow: file.headerRow,
    suggestedHeaderRow: file.suggestedHeaderRow,
    header: file.header,
    sampleRows: file.sampleRows
      .slice(0, PREVIEW_ROWS)
      .map((row) => ({ row: row.row, cells: row.cells.map(cut) })),
    pasted,
  };
}

/** The mapping with the file settings this session reads with, so every pass reads alike. */
export function pinSource(mapping: Mapping, file: SniffResult): Mapping {
  const source: FileSource = {
    encoding: file.encoding,
    delimiter: file.delimiter,
    headerRow: file.headerRow,
  };
  return { ...mapping, source };
}
