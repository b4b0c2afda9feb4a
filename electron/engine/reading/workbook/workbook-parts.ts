// The workbook's table of contents: where the workbook part is (_rels/.rels), its sheets in tab
// order with their names, visibility and parts (xl/workbook.xml and its relationships), its date
// system, and where its shared strings and styles are.

import { posix } from 'node:path';
import type { DateSystem } from './excel-date';
import { WorkbookError } from './workbook-error';
import { damagedPartMessage, xlsbMessage, zipNotWorkbookMessage } from './workbook-messages';
import type { ZipArchive } from './workbook-zip';
import { attribute, parseXmlText } from './xml-stream';

/** Whether Excel shows the sheet's tab: hidden ones can be unhidden there, very hidden ones only by a macro. */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** What a sheet holds: only a worksheet has cells to read. */
export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet';

export interface SheetEntry {
  name: string;
  state: SheetState;
  kind: SheetKind;
  /** The sheet's part in the zip, such as `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookParts {
  workbookPart: string;
  dateSystem: DateSystem;
  /** In tab order, as Excel shows them. */
  sheets: SheetEntry[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

// Relationship parts and the workbook part are small; a limit keeps a hostile zip from filling memory.
const SMALL_PART_BYTES = 64 * 1024 * 1024;

interface Relationship {
  type: string;
  target: string;
}

/** The relationships part of `part`: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`. */
function relsPartOf(part: string): string {
  const dir = posix.dirname(part);
  return posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute. */
function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A target that is not percent-encoded text stays as written.
  }
  if (decoded.startsWith('/')) return posix.normalize(decoded.slice(1));
  const dir = posix.dirname(source);
  return posix.normalize(posix.join(dir === '.' ? '' : dir, decoded));
}

async function readRelationships(
  zip: ZipArchive,
  fileName: string,
  source: string,
): Promise<Map<string, Relationship>> {
  const relsPart = relsPartOf(source);
  const relationships = new Map<string, Relationship>();
  if (!zip.has(relsPart)) return relationships;
  const text = await zip.readText(relsPart, SMALL_PART_BYTES);
  parseXmlText(
    text,
    {
      open(name, attributes) {
        if (name !== 'Relationship') return;
        const id = attribute(attributes, 'Id');
        const type = attribute(attributes, 'Type') ?? '';
        const target = attribute(attributes, 'Target');
        if (id === undefined || target === undefined) return;
        if (attribute(attributes, 'TargetMode') === 'External') return;
        relationships.set(id, { type, target: resolveTarget(source, target) });
      },
      close() {},
      text() {},
    },
    fileName,
    relsPart,
  );
  return relationships;
}

/** Relationship types end the same way in transitional and strict workbooks, whatever their host. */
function typeIs(relationship: Relationship, suffix: string): boolean {
  return relationship.type.toLowerCase().endsWith(`/${suffix.toLowerCase()}`);
}

function sheetKind(relationship: Relationship): SheetKind | null {
  if (typeIs(relationship, 'worksheet')) return 'worksheet';
  if (typeIs(relationship, 'chartsheet')) return 'chartsheet';
  if (typeIs(relationship, 'dialogsheet')) return 'dialogsheet';
  if (typeIs(relationship, 'xlMacrosheet') || typeIs(relationship, 'xlIntlMacrosheet')) {
    return 'macrosheet';
  }
  return null;
}

function sheetState(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

/** The workbook part the package names, refusing an .xlsb or a zip with no workbook in it. */
async function findWorkbookPart(zip: ZipArchive, fileName: string): Promise<string> {
  const root = await readRelationships(zip, fileName, '');
  const named = [...root.values()].find((rel) => typeIs(rel, 'officeDocument'))?.target;
  const candidates = [named, 'xl/workbook.xml', 'xl/workbook.bin'].filter(
    (part): part is string => part !== undefined && zip.has(part),
  );
  const part = candidates[0];
  if (part === undefined) throw new WorkbookError('not_workbook', zipNotWorkbookMessage(fileName));
  if (part.toLowerCase().endsWith('.bin')) throw new WorkbookError('xlsb', xlsbMessage(fileName));
  return part;
}

export async function readWorkbookParts(zip: ZipArchive, fileName: string): Promise<WorkbookParts> {
  const workbookPart = await findWorkbookPart(zip, fileName);
  const relationships = await readRelationships(zip, fileName, workbookPart);
  const text = await zip.readText(workbookPart, SMALL_PART_BYTES);
  let dateSystem: DateSystem = 1900;
  const sheets: SheetEntry[] = [];
  parseXmlText(
    text,
    {
      open(name, attributes) {
        if (name === 'workbookPr') {
          const date1904 = attribute(attributes, 'date1904');
          if (date1904 === '1' || date1904 === 'true') dateSystem = 1904;
        } else if (name === 'sheet') {
          const sheetName = attribute(attributes, 'name');
          const id = attribute(attributes, 'id');
          const relationship = id === undefined ? undefined : relationships.get(id);
          const kind = relationship && sheetKind(relationship);
          if (sheetName === undefined || !relationship || !kind) {
            throw new WorkbookError(
              'damaged',
              damagedPartMessage(fileName, workbookPart, `lists a sheet it does not hold`),
            );
          }
          sheets.push({
            name: sheetName,
            state: sheetState(attribute(attributes, 'state')),
            kind,
            part: relationship.target,
          });
        }
      },
      close() {},
      text() {},
    },
    fileName,
    workbookPart,
  );
  const partOfType = (type: string): string | null => {
    const found = [...relationships.values()].find((rel) => typeIs(rel, type));
    return found && zip.has(found.target) ? found.target : null;
  };
  return {
    workbookPart,
    dateSystem,
    sheets,
    sharedStringsPart: partOfType('sharedStrings'),
    stylesPart: partOfType('styles'),
  };
}
