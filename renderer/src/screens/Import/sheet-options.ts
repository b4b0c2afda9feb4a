import type { SheetPreview } from '../../../../shared/ipc-import';
import { plural } from '../../../../shared/wording';

/**
 * The sheet picker's options: each sheet with its rows (header included, as Excel's row numbers
 * count them), hidden ones marked, since a hidden sheet is rarely the one meant.
 */
export function sheetOptions(sheets: readonly SheetPreview[]): { value: string; label: string }[] {
  return sheets.map((sheet) => ({ value: sheet.name, label: sheetLabel(sheet) }));
}

export function sheetLabel(sheet: SheetPreview): string {
  // Rows as Excel numbers them, so the header counts: said, since the import reads one fewer.
  const rows = sheet.rows === null ? 'empty' : `${plural(sheet.rows, 'row')} with the header`;
  const hidden =
    sheet.state === 'hidden' ? ', hidden' : sheet.state === 'veryHidden' ? ', very hidden' : '';
  return `${sheet.name} (${rows}${hidden})`;
}
