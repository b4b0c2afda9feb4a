// Workbooks the tests write themselves: a minimal one from a sheet's XML, and a large one streamed
// to disk with about ten columns of the kinds an export has (shared strings, dates, numbers,
// booleans), for the memory test and the benchmark.

import { writeFile } from 'node:fs/promises';
import { writeStreamedZip, zipBuffer, type ZipInput } from './zip-files';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** `[Content_Types].xml` for these parts, as Excel writes it (other readers find parts by it). */
function contentTypes(parts: readonly string[]): string {
  const types: Record<string, string> = {
    'xl/workbook.xml': `${TYPE}.sheet.main+xml`,
    'xl/sharedStrings.xml': `${TYPE}.sharedStrings+xml`,
    'xl/styles.xml': `${TYPE}.styles+xml`,
  };
  const overrides = parts
    .map((part) => {
      const type =
        types[part] ??
        (part.startsWith('xl/worksheets/')
          ? `${TYPE}.worksheet+xml`
          : part.startsWith('xl/chartsheets/')
            ? `${TYPE}.chartsheet+xml`
            : null);
      return type === null ? '' : `<Override PartName="/${part}" ContentType="${type}"/>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
}

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface SheetSpec {
  name: string;
  /** The sheet's XML, or for a chart sheet `null`. */
  xml: string | null;
  state?: 'hidden' | 'veryHidden';
}

/** The parts of a workbook of these sheets, with optional shared strings and styles. */
export function workbookParts(
  sheets: readonly SheetSpec[],
  extra: { sharedStrings?: string; styles?: string; date1904?: boolean } = {},
): ZipInput[] {
  const sheetEntries = sheets
    .map(
      (sheet, i) =>
        `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const rels = sheets
    .map((sheet, i) =>
      sheet.xml === null
        ? `<Relationship Id="rId${i + 1}" Type="${REL}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
        : `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const more = [
    extra.sharedStrings === undefined
      ? ''
      : `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    extra.styles === undefined
      ? ''
      : `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`,
  ].join('');
  const parts: ZipInput[] = [
    { name: '_rels/.rels', data: ROOT_RELS },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetEntries}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">${rels}${more}</Relationships>`,
    },
  ];
  sheets.forEach((sheet, i) => {
    parts.push(
      sheet.xml === null
        ? { name: `xl/chartsheets/sheet${i + 1}.xml`, data: `<chartsheet xmlns="${MAIN}"/>` }
        : { name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.xml },
    );
  });
  if (extra.sharedStrings !== undefined)
    parts.push({ name: 'xl/sharedStrings.xml', data: extra.sharedStrings });
  if (extra.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: extra.styles });
  return [
    { name: '[Content_Types].xml', data: contentTypes(parts.map((part) => part.name)) },
    ...parts,
  ];
}

/** A worksheet's XML around rows written as `<row>` elements. */
export function sheetXml(rows: string, dimension?: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
}

/** Writes a small workbook of one sheet, "Sheet1", from its rows' XML. */
export async function writeSheetWorkbook(
  path: string,
  rows: string,
  dimension?: string,
): Promise<void> {
  await writeFile(
    path,
    zipBuffer(workbookParts([{ name: 'Sheet1', xml: sheetXml(rows, dimension) }])),
  );
}

export const LARGE_HEADER = [
  'event',
  'occurred_at',
  'customer_id',
  'contact_id',
  'plan',
  'email',
  'mrr',
  'seats',
  'active',
  'note',
] as const;

const PLANS = ['Starter', 'Growth', 'Scale', 'Enterprise'];
const EVENTS = ['subscription_upgraded', 'invoice_paid', 'login', 'ticket_opened'];
const NOTES = ['Zoë, "VIP" customer', 'Účet ověřen', 'renewal due', ''];

/**
 * Writes a workbook of one sheet: the header above, then `rows` rows of ten columns as Excel
 * writes them (shared strings for the repeated texts, a date cell with a `d.m.yyyy h:mm` style,
 * numbers, booleans, and unique ids and e-mails as inline strings so that the shared strings stay
 * small). Data row i (0-based) is sheet row i + 2.
 */
export async function writeLargeWorkbook(path: string, rows: number): Promise<void> {
  const shared = [...LARGE_HEADER, ...PLANS, ...EVENTS, ...NOTES.filter((note) => note !== '')];
  const index = (text: string): number => shared.indexOf(text);
  const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<si><t>${escape(text)}</t></si>`).join('')}</sst>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\.m\\.yyyy\\ h:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const parts = workbookParts([{ name: 'Events', xml: '' }], { sharedStrings, styles }).filter(
    (part) => part.name !== 'xl/worksheets/sheet1.xml',
  );
  function* sheet(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><dimension ref="A1:J${rows + 1}"/><sheetData>`;
    yield `<row r="1">${LARGE_HEADER.map((_, c) => `<c r="${String.fromCharCode(65 + c)}1" t="s"><v>${c}</v></c>`).join('')}</row>`;
    let batch = '';
    for (let i = 0; i < rows; i += 1) {
      const r = i + 2;
      const note = NOTES[i % NOTES.length] ?? '';
      batch +=
        `<row r="${r}" spans="1:10">` +
        `<c r="A${r}" t="s"><v>${index(EVENTS[i % EVENTS.length] ?? '')}</v></c>` +
        `<c r="B${r}" s="1"><v>${45292 + (i % 3650) + (i % 1440) / 1440}</v></c>` +
        `<c r="C${r}" t="inlineStr"><is><t>cus_${i}</t></is></c>` +
        `<c r="D${r}" t="inlineStr"><is><t>con_${i}</t></is></c>` +
        `<c r="E${r}" t="s"><v>${index(PLANS[i % PLANS.length] ?? '')}</v></c>` +
        `<c r="F${r}" t="inlineStr"><is><t>person${i}@example.com</t></is></c>` +
        `<c r="G${r}"><v>${(i % 1000) * 1.25}</v></c>` +
        `<c r="H${r}"><v>${i % 50}</v></c>` +
        `<c r="I${r}" t="b"><v>${i % 2}</v></c>` +
        (note === '' ? '' : `<c r="J${r}" t="s"><v>${index(note)}</v></c>`) +
        `</row>`;
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</sheetData></worksheet>`;
  }
  await writeStreamedZip(path, [
    ...parts.map((part) => ({ name: part.name, text: () => [String(part.data)] })),
    { name: 'xl/worksheets/sheet1.xml', text: sheet },
  ]);
}
