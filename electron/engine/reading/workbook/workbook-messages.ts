// The sentences a person reads when a workbook cannot be read: what is wrong, then what to do.

const SAVE_AS_XLSX =
  'In Excel, use File > Save As > Excel Workbook (.xlsx), then choose that file.';

export function encryptedMessage(fileName: string): string {
  return `${fileName} is protected with a password, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the password), save it, and choose it again.`;
}

export function xlsbMessage(fileName: string): string {
  return `${fileName} is an Excel binary workbook (.xlsb), which cannot be read. ${SAVE_AS_XLSX}`;
}

export function xlsMessage(fileName: string): string {
  return `${fileName} is an Excel 97-2003 workbook (.xls), which this reader does not take. ${SAVE_AS_XLSX}`;
}

export function damagedMessage(fileName: string): string {
  return `${fileName} is damaged: it is not a complete workbook, perhaps because it was cut short while downloading or copying. Download or copy it again, or open it in Excel and save it again.`;
}

export function damagedPartMessage(fileName: string, part: string, what: string): string {
  return `${fileName} is damaged: its part ${part} ${what}. Open it in Excel, save it again, and choose the saved file.`;
}

export function zipNotWorkbookMessage(fileName: string): string {
  return `${fileName} is a ZIP archive but not an Excel workbook: it holds no workbook. Choose the .xlsx file itself.`;
}

export function notWorkbookMessage(fileName: string): string {
  return `${fileName} is not an Excel workbook (.xlsx or .xlsm) inside, whatever its name says. If it is a CSV file, rename it to end in .csv and choose it again.`;
}

/** `"Contacts", "Orders" and "Old" (hidden)`. */
export function sheetList(sheets: readonly { name: string; state: string }[]): string {
  const names = sheets.map(
    (sheet) => `"${sheet.name}"${sheet.state === 'visible' ? '' : ' (hidden)'}`,
  );
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export function noSuchSheetMessage(
  fileName: string,
  sheet: string,
  sheets: readonly { name: string; state: string }[],
): string {
  if (sheets.length === 0) return `${fileName} has no sheets at all.`;
  const one = sheets.length === 1;
  return `${fileName} has no sheet named "${sheet}". Its ${one ? 'sheet is' : 'sheets are'} ${sheetList(sheets)}.`;
}

export function notWorksheetMessage(fileName: string, sheet: string, kind: string): string {
  return `The sheet "${sheet}" in ${fileName} is a ${kind}, not a sheet of cells. Choose a sheet that holds the table.`;
}

export function noVisibleSheetMessage(fileName: string): string {
  return `${fileName} has no sheet of cells to read.`;
}

export function emptySheetMessage(fileName: string, sheet: string): string {
  return `The sheet "${sheet}" in ${fileName} is empty. Choose the sheet that holds the table.`;
}

export function noHeaderRowMessage(fileName: string, sheet: string, headerRow: number): string {
  return `Row ${headerRow} of the sheet "${sheet}" in ${fileName} is empty, so it cannot be the header. Choose the row that holds the column names.`;
}

export function tooLargeMessage(fileName: string, part: string, limitMb: number): string {
  return `${fileName} is too large to read: its part ${part} is over ${limitMb} MB. Split the workbook, or save the sheet as CSV UTF-8 and choose that file.`;
}
