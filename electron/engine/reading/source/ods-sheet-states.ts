// Which sheets of an OpenDocument spreadsheet are hidden. SheetJS does not say for .ods, and the
// default sheet is the first visible one, so the tables' styles are read from content.xml: a
// table whose style has `table:display="false"` is a hidden sheet (LibreOffice's Hide Sheet).

import type { SheetState } from '../workbook/workbook-reader';
import { openZip } from '../workbook/workbook-zip';
import { attribute, parseXml, type XmlHandlers } from '../workbook/xml-stream';

/** Each table's state, in document order (the order of SheetJS's `SheetNames`). */
export async function odsSheetStates(path: string, fileName: string): Promise<SheetState[]> {
  const zip = await openZip(path, fileName);
  try {
    const hiddenStyles = new Set<string>();
    const tableStyles: (string | undefined)[] = [];
    let style: string | null = null;
    let depth = 0;
    const handlers: XmlHandlers = {
      // saxes closes a self-closing element too, so every open has its close.
      open(name, attributes) {
        if (name === 'style' && attribute(attributes, 'family') === 'table') {
          style = attribute(attributes, 'name') ?? null;
        } else if (name === 'table-properties' && style !== null) {
          if (attribute(attributes, 'display') === 'false') hiddenStyles.add(style);
        } else if (name === 'table') {
          // Tables inside tables (a chart's data) are not sheets.
          if (depth === 0) tableStyles.push(attribute(attributes, 'style-name'));
          depth += 1;
        }
      },
      close(name) {
        if (name === 'style') style = null;
        else if (name === 'table') depth -= 1;
      },
      text() {},
    };
    await parseXml(await zip.open('content.xml'), handlers, fileName, 'content.xml');
    return tableStyles.map((name) =>
      name !== undefined && hiddenStyles.has(name) ? 'hidden' : 'visible',
    );
  } finally {
    zip.close();
  }
}
