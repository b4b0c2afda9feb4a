// Recognises files that are not text by their first bytes, so that picking a workbook, a PDF or a
// picture gives one clear sentence instead of thousands of garbled rows.

const SAVE_AS_CSV = 'In Excel, use File > Save As > CSV UTF-8, then choose that file.';

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (head.length < at + bytes.length) return false;
  return bytes.every((byte, i) => head[at + i] === byte);
}

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** ZIP entry names are stored in clear text, so the first kilobytes tell what kind of package it is. */
function describeZip(head: Uint8Array, fileName: string): string {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  const ext = extension(fileName);
  if (text.includes('xl/') || ['xlsx', 'xlsm', 'xltx'].includes(ext)) {
    return `${fileName} is an Excel workbook, not a CSV file. ${SAVE_AS_CSV}`;
  }
  if (text.includes('opendocument.spreadsheet') || ext === 'ods') {
    return `${fileName} is an OpenDocument spreadsheet, not a CSV file. In LibreOffice, use File > Save As and choose "Text CSV", then choose that file.`;
  }
  if (text.includes('Index/Document') || ext === 'numbers') {
    return `${fileName} is a Numbers spreadsheet, not a CSV file. In Numbers, use File > Export To > CSV, then choose that file.`;
  }
  if (text.includes('word/') || ext === 'docx') {
    return `${fileName} is a Word document, not a CSV file. Choose the spreadsheet saved as CSV instead.`;
  }
  return `${fileName} is a ZIP archive, not a CSV file. Unzip it first, then choose the CSV file inside.`;
}

/**
 * A plain message if `head` (the first bytes of the file) shows a known non-text format, else null.
 * Text that merely contains odd bytes is left to the encoding check.
 */
export function describeNonText(head: Uint8Array, fileName: string): string | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return describeZip(head, fileName);
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The old binary Office format: .xls, .doc and .ppt all share it.
    const ext = extension(fileName);
    if (ext === 'doc') {
      return `${fileName} is a Word document, not a CSV file. Choose the spreadsheet saved as CSV instead.`;
    }
    return `${fileName} is an Excel workbook in the older .xls format, not a CSV file. ${SAVE_AS_CSV}`;
  }
  if (startsWith(head, ascii('%PDF'))) {
    return `${fileName} is a PDF document, not a CSV file. Export the data as CSV from the program it came from, then choose that file.`;
  }
  const isImage =
    startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, ascii('GIF87a')) ||
    startsWith(head, ascii('GIF89a')) ||
    (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8));
  if (isImage) {
    return `${fileName} is an image, not a CSV file. Choose the spreadsheet saved as CSV instead.`;
  }
  const isArchive =
    startsWith(head, [0x1f, 0x8b]) ||
    startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(head, ascii('Rar!'));
  if (isArchive) {
    return `${fileName} is a compressed archive, not a CSV file. Extract it first, then choose the CSV file inside.`;
  }
  return null;
}

/** Text in a single-byte encoding or UTF-8 never contains NUL bytes; binary files nearly always do. */
export function hasNulByte(head: Uint8Array): boolean {
  return head.includes(0);
}

export function binaryDataMessage(fileName: string): string {
  return `${fileName} does not look like a CSV file: it contains binary data, not text. Choose a CSV file. ${SAVE_AS_CSV}`;
}
