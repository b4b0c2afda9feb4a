// Which cell styles show dates (xl/styles.xml): a cell's `s` attribute indexes the cell formats
// (`<cellXfs>`), each naming a number format by id, built in or defined in `<numFmts>`.

import type { ZipArchive } from './workbook-zip';
import { dateShapeOf, type DateShape } from './number-format';
import { attribute, parseXmlText } from './xml-stream';

const MAX_STYLES_BYTES = 64 * 1024 * 1024;

/** For each cell format index, the date shape its number format shows, or null for a number. */
export type StyleDates = readonly (DateShape | null)[];

export async function readStyleDates(
  zip: ZipArchive,
  fileName: string,
  part: string,
): Promise<StyleDates> {
  const text = await zip.readText(part, MAX_STYLES_BYTES);
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  parseXmlText(
    text,
    {
      open(name, attributes) {
        if (name === 'numFmt') {
          const id = Number(attribute(attributes, 'numFmtId'));
          const code = attribute(attributes, 'formatCode');
          if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
        } else if (name === 'cellXfs') {
          inCellXfs = true;
        } else if (name === 'xf' && inCellXfs) {
          formatIds.push(Number(attribute(attributes, 'numFmtId') ?? 0));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    },
    fileName,
    part,
  );
  return formatIds.map((id) => (Number.isInteger(id) ? dateShapeOf(id, codes.get(id)) : null));
}
