// The sentences a person reads when an .xls or .ods workbook cannot be read, and the notice of
// the sheet read from a workbook of several: what happened, then what to do.

import type { LegacyFormat } from './legacy-workbook';

const SAVE_AS: Record<LegacyFormat, string> = {
  xls: 'save it as .xlsx in Excel (File > Save As > Excel Workbook) and import that',
  ods: 'save it as .xlsx (in LibreOffice: File > Save As > Excel 2007-365) and import that',
};

export function legacyTooLargeMessage(
  fileName: string,
  format: LegacyFormat,
  limitMb: number,
): string {
  return `${fileName} is larger than ${limitMb} MB, too large to read as .${format}; ${SAVE_AS[format]}.`;
}

export function legacyDamagedMessage(fileName: string, format: LegacyFormat): string {
  return `${fileName} is damaged or not a complete .${format} workbook, so it cannot be read. Open it in the program it came from, ${SAVE_AS[format]}.`;
}

export function legacyEncryptedMessage(fileName: string): string {
  return `${fileName} is protected with a password, so it cannot be read. Open it, remove the password, save it, and choose it again.`;
}
