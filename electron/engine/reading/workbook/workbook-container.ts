// What kind of file was chosen as a workbook, from its first bytes, before the zip is opened:
// a password-protected workbook and an .xls are OLE compound files, not zips, and get their own
// sentence instead of "damaged".

import { open, stat } from 'node:fs/promises';
import { readErrorFromSystem } from '../reader-error';
import { cfbStreamNames, classifyCfb, isCfb } from './cfb-streams';
import { WorkbookError } from './workbook-error';
import {
  damagedMessage,
  encryptedMessage,
  notWorkbookMessage,
  xlsMessage,
} from './workbook-messages';
import { openZip, type ZipArchive } from './workbook-zip';

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** Opens the workbook's zip, or throws the sentence that says what the file is instead. */
export async function openWorkbookZip(
  path: string,
  fileName: string,
): Promise<{ zip: ZipArchive; fileSize: number }> {
  let fileSize: number;
  let head: Buffer;
  let kind: 'zip' | 'encrypted' | 'xls' | 'other' | 'damaged';
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    fileSize = info.size;
    const file = await open(path, 'r');
    try {
      head = Buffer.alloc(8);
      await file.read(head, 0, head.length, 0);
      if (ZIP_LOCAL_HEADER.every((byte, i) => head[i] === byte)) {
        kind = 'zip';
      } else if (isCfb(head)) {
        const names = await cfbStreamNames(file);
        kind = names === null ? 'damaged' : classifyCfb(names);
      } else {
        kind = 'other';
      }
    } finally {
      await file.close();
    }
  } catch (error) {
    throw readErrorFromSystem(error, fileName);
  }
  switch (kind) {
    case 'encrypted':
      throw new WorkbookError('encrypted', encryptedMessage(fileName));
    case 'xls':
      throw new WorkbookError('xls', xlsMessage(fileName));
    case 'damaged':
      throw new WorkbookError('damaged', damagedMessage(fileName));
    case 'other':
      throw new WorkbookError('not_workbook', notWorkbookMessage(fileName));
    case 'zip':
      return { zip: await openZip(path, fileName), fileSize };
  }
}
