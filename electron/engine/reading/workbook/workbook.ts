// One open workbook: its sheets, and a sheet's rows streamed from the zip. Shared strings and
// styles are read once, the first time a sheet's rows are read, and kept while it is open.

import { refRow } from './cell-ref';
import type { WorkbookRow } from './cell-value';
import type { DateSystem } from './excel-date';
import { createSheetHandlers, type SheetContext } from './sheet-parser';
import { readSharedStrings } from './shared-strings';
import { readStyleDates, type StyleDates } from './styles';
import { openWorkbookZip } from './workbook-container';
import { WorkbookError } from './workbook-error';
import {
  noSuchSheetMessage,
  noVisibleSheetMessage,
  notWorksheetMessage,
} from './workbook-messages';
import { readWorkbookParts, type SheetEntry } from './workbook-parts';
import type { ZipArchive } from './workbook-zip';
import { feedXml, type XmlHandlers } from './xml-stream';

/**
 * The rows a sheet spans, first to last row holding a cell (blank rows between them included),
 * and where that was learnt: the sheet's `<dimension>` (free; what Excel and LibreOffice write),
 * or a pass over the sheet counting (when the dimension is missing or only `A1`, as some writers
 * leave it).
 */
export interface SheetRows {
  firstRow: number;
  lastRow: number;
  count: number;
  source: 'dimension' | 'counted';
}

// A piece of inflated XML holds a few dozen rows of a typical export; groups of 500 keep the cost
// per chunk small for the consumer and a chunk well under a megabyte.
const DEFAULT_CHUNK_ROWS = 500;

const KIND_WORDS: Record<SheetEntry['kind'], string> = {
  worksheet: 'sheet',
  chartsheet: 'chart',
  dialogsheet: 'dialog',
  macrosheet: 'macro sheet',
};

function spanOf(ref: string): { firstRow: number; lastRow: number } | null {
  const [start = '', end = start] = ref.split(':');
  const firstRow = refRow(start);
  const lastRow = refRow(end);
  return firstRow === null || lastRow === null || lastRow < firstRow ? null : { firstRow, lastRow };
}

/**
 * Streams a part through `handlers`, yielding after each piece so that the caller can hand out
 * rows or stop. A failing read (inflate, size check) is the damaged-file sentence; an error of
 * the handlers stays what it is.
 */
async function* streamPart(
  zip: ZipArchive,
  fileName: string,
  part: string,
  handlers: XmlHandlers,
): AsyncGenerator<void, void, undefined> {
  yield* feedXml(await zip.open(part), handlers, fileName, part);
}

/** The sheet read when none is named: the first visible worksheet, as Excel opens on it. */
export function defaultSheetOf(sheets: readonly SheetEntry[]): SheetEntry | null {
  const worksheets = sheets.filter((sheet) => sheet.kind === 'worksheet');
  return worksheets.find((sheet) => sheet.state === 'visible') ?? worksheets[0] ?? null;
}

/**
 * The worksheet named `name` (exactly, else ignoring letter case as Excel does), or the default
 * one when `name` is left out; a `WorkbookError` naming the sheets there are otherwise.
 */
export function findSheet(
  sheets: readonly SheetEntry[],
  fileName: string,
  name: string | undefined,
): SheetEntry {
  if (name === undefined) {
    const sheet = defaultSheetOf(sheets);
    if (!sheet) throw new WorkbookError('empty', noVisibleSheetMessage(fileName));
    return sheet;
  }
  const sheet =
    sheets.find((candidate) => candidate.name === name) ??
    sheets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (!sheet) {
    throw new WorkbookError('no_such_sheet', noSuchSheetMessage(fileName, name, sheets));
  }
  if (sheet.kind !== 'worksheet') {
    throw new WorkbookError(
      'not_worksheet',
      notWorksheetMessage(fileName, sheet.name, KIND_WORDS[sheet.kind]),
    );
  }
  return sheet;
}

/**
 * An open workbook as the reader uses it: a streamed .xlsx (`Workbook`) or an .xls or .ods read
 * whole (../source/legacy-workbook.ts).
 */
export interface SheetBook {
  readonly fileName: string;
  readonly fileSize: number;
  readonly dateSystem: DateSystem;
  /** In tab order. */
  readonly sheets: readonly SheetEntry[];
  defaultSheet(): SheetEntry | null;
  sheet(name?: string): SheetEntry;
  rowSpan(sheet: SheetEntry): Promise<SheetRows | null>;
  rows(sheet: SheetEntry, chunkRows?: number): AsyncGenerator<WorkbookRow[], void, undefined>;
  close(): void;
}

export class Workbook implements SheetBook {
  private sheetContext: Promise<Omit<SheetContext, 'part'>> | null = null;

  private constructor(
    private readonly zip: ZipArchive,
    readonly fileName: string,
    readonly fileSize: number,
    readonly dateSystem: DateSystem,
    /** In tab order. */
    readonly sheets: readonly SheetEntry[],
    private readonly sharedStringsPart: string | null,
    private readonly stylesPart: string | null,
  ) {}

  /** Opens a workbook, or throws a `WorkbookError` (or `ReadError`) with a plain sentence. */
  static async open(path: string, fileName: string): Promise<Workbook> {
    const { zip, fileSize } = await openWorkbookZip(path, fileName);
    try {
      const parts = await readWorkbookParts(zip, fileName);
      return new Workbook(
        zip,
        fileName,
        fileSize,
        parts.dateSystem,
        parts.sheets,
        parts.sharedStringsPart,
        parts.stylesPart,
      );
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  close(): void {
    this.zip.close();
  }

  /** The sheet read when none is named: the first visible worksheet, as Excel opens on it. */
  defaultSheet(): SheetEntry | null {
    return defaultSheetOf(this.sheets);
  }

  /** The worksheet named `name`, or the default one (see `findSheet`). */
  sheet(name?: string): SheetEntry {
    return findSheet(this.sheets, this.fileName, name);
  }

  /** The rows the sheet spans; null when it holds no cell at all (or is not a worksheet). */
  async rowSpan(sheet: SheetEntry): Promise<SheetRows | null> {
    if (sheet.kind !== 'worksheet') return null;
    // Both are set by the parser's callbacks, which TypeScript's flow analysis cannot see.
    let dimension = null as string | null;
    let started = false as boolean;
    // The dimension comes before the rows: read up to <sheetData> and stop.
    const peek: XmlHandlers = {
      open(name, attributes) {
        if (started) return;
        if (name === 'sheetData') started = true;
        else if (name === 'dimension') dimension = attributes['ref'] ?? null;
      },
      close() {},
      text() {},
    };
    for await (const _ of streamPart(this.zip, this.fileName, sheet.part, peek)) {
      if (started) break;
    }
    const span = dimension === null ? null : spanOf(dimension);
    const trusted = span !== null && dimension !== 'A1';
    if (trusted) return { ...span, count: span.lastRow - span.firstRow + 1, source: 'dimension' };
    return this.countRows(sheet);
  }

  /** A pass over the sheet noting the first and last row that hold a value. */
  private async countRows(sheet: SheetEntry): Promise<SheetRows | null> {
    let firstRow = 0;
    let lastRow = 0;
    let rowNumber = 0;
    let valued = false;
    let inSheetData = false;
    const counter: XmlHandlers = {
      open(name, attributes) {
        if (name === 'sheetData') inSheetData = true;
        if (!inSheetData) return;
        if (name === 'row') {
          const r = attributes['r'];
          rowNumber = r === undefined ? rowNumber + 1 : Number(r);
          valued = false;
        } else if (name === 'v' || name === 'is') {
          valued = true;
        }
      },
      close(name) {
        if (name === 'sheetData') inSheetData = false;
        if (name !== 'row' || !inSheetData || !valued) return;
        if (firstRow === 0) firstRow = rowNumber;
        lastRow = Math.max(lastRow, rowNumber);
      },
      text() {},
    };
    for await (const _ of streamPart(this.zip, this.fileName, sheet.part, counter)) {
      // Each piece is parsed as it arrives; nothing to do between them.
    }
    if (firstRow === 0) return null;
    return { firstRow, lastRow, count: lastRow - firstRow + 1, source: 'counted' };
  }

  private context(): Promise<Omit<SheetContext, 'part'>> {
    this.sheetContext ??= (async () => {
      const [sharedStrings, styles] = await Promise.all([
        this.sharedStringsPart === null
          ? Promise.resolve<string[]>([])
          : readSharedStrings(this.zip, this.fileName, this.sharedStringsPart),
        this.stylesPart === null
          ? Promise.resolve<StyleDates>([])
          : readStyleDates(this.zip, this.fileName, this.stylesPart),
      ]);
      return { sharedStrings, styles, dateSystem: this.dateSystem, fileName: this.fileName };
    })();
    return this.sheetContext;
  }

  /**
   * The sheet's rows holding a value, in file order, in groups of `chunkRows` (default 500; the
   * last one smaller): memory holds one piece of the inflated XML and the rows not yet taken.
   * Stopping early (`break`, `return`) stops reading the zip.
   */
  async *rows(
    sheet: SheetEntry,
    chunkRows = DEFAULT_CHUNK_ROWS,
  ): AsyncGenerator<WorkbookRow[], void, undefined> {
    const context = { ...(await this.context()), part: sheet.part };
    let pending: WorkbookRow[] = [];
    let done = false as boolean; // set by a callback, unseen by flow analysis
    const handlers = createSheetHandlers(context, {
      row(row) {
        pending.push(row);
      },
      sheetData(open) {
        if (!open) done = true;
      },
    });
    for await (const _ of streamPart(this.zip, this.fileName, sheet.part, handlers)) {
      if (pending.length >= chunkRows) {
        const ready = pending;
        const whole = ready.length - (ready.length % chunkRows);
        pending = ready.slice(whole);
        for (let at = 0; at < whole; at += chunkRows) yield ready.slice(at, at + chunkRows);
      }
      // What follows the cells is page setup and drawings: no need to inflate it.
      if (done) break;
    }
    if (pending.length > 0) yield pending;
  }
}
