// The workbook's shared strings (xl/sharedStrings.xml): cells of type `s` hold an index into
// this table. It is read once, streamed, and held in memory while a sheet is read.

import type { ZipArchive } from './workbook-zip';
import { WorkbookError } from './workbook-error';
import { tooLargeMessage } from './workbook-messages';
import { parseXml } from './xml-stream';
import { decodeXString } from './xml-text';

// The table lives in memory; past this it would not fit beside the rest of the app.
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;

/**
 * The texts of the table in order. A rich text item (`<r>` runs with their own fonts) is its runs'
 * text joined; phonetic guides (`<rPh>`, the readings above Japanese text) are not part of it.
 */
export async function readSharedStrings(
  zip: ZipArchive,
  fileName: string,
  part: string,
): Promise<string[]> {
  if (zip.size(part) > MAX_SHARED_STRINGS_BYTES) {
    throw new WorkbookError(
      'too_large',
      tooLargeMessage(fileName, part, MAX_SHARED_STRINGS_BYTES / 1024 / 1024),
    );
  }
  const strings: string[] = [];
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  await parseXml(
    await zip.open(part),
    {
      // saxes closes a self-closing element (`<si/>`) right after opening it.
      open(name) {
        if (name === 'si') {
          inItem = true;
          text = '';
        } else if (name === 'rPh') {
          phonetic += 1;
        } else if (name === 't' && inItem && phonetic === 0) {
          inText = true;
        }
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si' && inItem) {
          strings.push(decodeXString(text));
          inItem = false;
        }
      },
      text(chunk) {
        if (inText) text += chunk;
      },
    },
    fileName,
    part,
  );
  return strings;
}
