// Which reader a chosen file goes to, decided by its content first and its name second: a zip
// holding xl/workbook.xml is an Excel workbook whatever it is called, a CSV file named .xls (as
// some web exports are) is still read as text, and a file that claims to be a workbook by its
// name but is not one gets the workbook reader's sentence saying so.

import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { cfbStreamNames, classifyCfb, isCfb } from '../workbook/cfb-streams';
import { openZip } from '../workbook/workbook-zip';

/** How a file is read: as text, as a streamed .xlsx/.xlsm, or whole through SheetJS. */
export type SourceFormat = 'csv' | 'xlsx' | 'xls' | 'ods';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;
const XLSX_NAMES = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xlsb']);
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

async function readHead(path: string): Promise<{ head: Buffer; cfb: string[] | null } | null> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return null; // the CSV reader says in words why the file cannot be opened
  }
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const cfb = bytesRead === 8 && isCfb(head) ? ((await cfbStreamNames(file)) ?? []) : null;
    return { head: head.subarray(0, bytesRead), cfb };
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

/** What a readable zip holds: an Excel workbook, an OpenDocument spreadsheet, or neither. */
async function zipKind(path: string): Promise<'xlsx' | 'ods' | 'other' | 'damaged'> {
  let zip;
  try {
    zip = await openZip(path, '');
  } catch {
    return 'damaged';
  }
  try {
    if (zip.has('xl/workbook.xml') || zip.has('xl/workbook.bin')) return 'xlsx';
    if (zip.has('content.xml') && zip.has('mimetype')) {
      const mime = await zip.readText('mimetype', 1024).catch(() => '');
      if (mime.trim() === ODS_MIME) return 'ods';
    }
    if (zip.has('[Content_Types].xml') && zip.has('_rels/.rels')) {
      // An Office package whose workbook part is named elsewhere: the workbook reader follows
      // its relationships, and says so if there is none.
      const types = await zip.readText('[Content_Types].xml', 1024 * 1024).catch(() => '');
      if (types.includes('spreadsheetml')) return 'xlsx';
    }
    return 'other';
  } finally {
    zip.close();
  }
}

/**
 * The reader for a file. Encrypted workbooks (an OLE file holding an EncryptedPackage) and
 * .xlsb files go to the .xlsx reader, which refuses them in words; damaged zips too, when their
 * name says workbook. Anything else that is not a workbook goes to the CSV reader, which names
 * what it is instead (a PDF, a Word document, a zip of other files).
 */
export async function detectSourceFormat(path: string): Promise<SourceFormat> {
  const read = await readHead(path);
  if (read === null) return 'csv';
  const { head, cfb } = read;
  const extension = extname(path).toLowerCase();
  if (cfb !== null) {
    const kind = classifyCfb(cfb);
    if (kind === 'encrypted') return 'xlsx';
    if (kind === 'xls') return 'xls';
    if (extension === '.xls') return 'xls';
    return XLSX_NAMES.has(extension) ? 'xlsx' : 'csv';
  }
  if (ZIP_LOCAL_HEADER.every((byte, i) => head[i] === byte)) {
    const kind = await zipKind(path);
    if (kind === 'xlsx' || kind === 'ods') return kind;
    if (XLSX_NAMES.has(extension)) return 'xlsx';
    if (extension === '.ods') return 'ods';
    return 'csv';
  }
  return XLSX_NAMES.has(extension) ? 'xlsx' : 'csv';
}
