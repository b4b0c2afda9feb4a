// A worksheet's XML (xl/worksheets/sheetN.xml) as rows of typed cells, event by event, so that a
// sheet of a million rows streams through in constant memory. Rows keep the sheet's own numbers
// and cells their columns: `<row r="7">` is row 7 and `<c r="C7">` column C whatever came
// before; a row or cell without `r` follows the one before it, as Excel reads them.

import { columnIndex, MAX_ROWS } from './cell-ref';
import { EMPTY_CELL, type CellValue, type WorkbookRow } from './cell-value';
import { isoToWallClock, serialToWallClock, type DateSystem } from './excel-date';
import type { StyleDates } from './styles';
import { WorkbookError } from './workbook-error';
import { damagedPartMessage } from './workbook-messages';
import type { XmlHandlers } from './xml-stream';
import { decodeXString } from './xml-text';

export interface SheetContext {
  sharedStrings: readonly string[];
  styles: StyleDates;
  dateSystem: DateSystem;
  fileName: string;
  part: string;
}

export interface SheetEvents {
  /** Each row that holds a value, blank rows (no cells, or only empty ones) left out. */
  row(row: WorkbookRow): void;
  /** The sheet's `<dimension ref="A1:K200">`, which comes before its rows. */
  dimension?(ref: string): void;
  /** `<sheetData>` opened (true) or closed (false): after it only page settings follow. */
  sheetData?(open: boolean): void;
}

// What the text events are currently part of.
const CAPTURE_NONE = 0;
const CAPTURE_VALUE = 1;
const CAPTURE_FORMULA = 2;
const CAPTURE_INLINE_TEXT = 3;

function isBlank(cells: readonly CellValue[]): boolean {
  for (const cell of cells) {
    if (cell.kind !== 'empty' && (cell.kind !== 'text' || cell.text.trim() !== '')) return false;
  }
  return true;
}

export function createSheetHandlers(context: SheetContext, events: SheetEvents): XmlHandlers {
  const { sharedStrings, styles, dateSystem, fileName, part } = context;
  const damaged = (what: string): WorkbookError =>
    new WorkbookError('damaged', damagedPartMessage(fileName, part, what));

  let inSheetData = false;
  let rowNumber = 0;
  let cells: CellValue[] | null = null;
  let nextColumn = 0;
  let column = 0;
  let type = 'n';
  let style = 0;
  let hasValue = false;
  let hasFormula = false;
  let value = '';
  let formula = '';
  let inline = '';
  let inInline = false;
  let phonetic = 0;
  let capture = CAPTURE_NONE;

  const textCell = (text: string): CellValue => (text === '' ? EMPTY_CELL : { kind: 'text', text });

  const sharedCell = (index: number): CellValue => {
    const text = sharedStrings[index];
    if (text === undefined)
      throw damaged(`refers to text ${index} that its workbook does not hold`);
    return textCell(text);
  };

  const numberCell = (): CellValue => {
    if (!hasValue || value === '') {
      return hasFormula ? { kind: 'uncalculated', formula } : EMPTY_CELL;
    }
    const number = Number(value);
    if (!Number.isFinite(number)) return textCell(value);
    const shape = styles[style];
    if (shape) {
      const wallClock = serialToWallClock(number, dateSystem);
      if (wallClock) {
        return { kind: 'date', wallClock, shape, timeOnly: shape === 'time' && number < 1 };
      }
    }
    return { kind: 'number', value: number };
  };

  const finishCell = (): CellValue => {
    switch (type) {
      case 's':
        return hasValue && value !== '' ? sharedCell(Number(value)) : EMPTY_CELL;
      case 'inlineStr':
        return textCell(decodeXString(inline));
      case 'str':
        if (!hasValue && hasFormula) return { kind: 'uncalculated', formula };
        return textCell(decodeXString(value));
      case 'b':
        if (!hasValue) return hasFormula ? { kind: 'uncalculated', formula } : EMPTY_CELL;
        return { kind: 'boolean', value: value === '1' || value === 'true' };
      case 'e':
        return hasValue ? { kind: 'error', error: value.trim() } : EMPTY_CELL;
      case 'd': {
        if (!hasValue || value === '') return EMPTY_CELL;
        const parsed = isoToWallClock(value);
        if (!parsed) return textCell(value);
        const shape = styles[style] ?? (parsed.hasTime ? 'datetime' : 'date');
        return { kind: 'date', wallClock: parsed.wallClock, shape, timeOnly: false };
      }
      default:
        return numberCell();
    }
  };

  return {
    open(name, attributes) {
      if (!inSheetData) {
        if (name === 'sheetData') {
          inSheetData = true;
          events.sheetData?.(true);
        } else if (name === 'dimension') {
          const ref = attributes['ref'];
          if (ref !== undefined) events.dimension?.(ref);
        }
        return;
      }
      switch (name) {
        case 'c': {
          const ref = attributes['r'];
          column = ref === undefined ? nextColumn : columnIndex(ref);
          if (column < 0) throw damaged(`names a cell ${ref ?? ''} outside the sheet`);
          type = attributes['t'] ?? 'n';
          const s = attributes['s'];
          style = s === undefined ? 0 : Number(s);
          hasValue = false;
          hasFormula = false;
          value = '';
          formula = '';
          inline = '';
          break;
        }
        case 'v':
          hasValue = true;
          capture = CAPTURE_VALUE;
          break;
        case 'f':
          hasFormula = true;
          capture = CAPTURE_FORMULA;
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic += 1;
          break;
        case 't':
          if (inInline && phonetic === 0) capture = CAPTURE_INLINE_TEXT;
          break;
        case 'row': {
          const r = attributes['r'];
          const number = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isSafeInteger(number) || number < 1 || number > MAX_ROWS) {
            throw damaged(`has a row numbered ${r ?? ''}`);
          }
          rowNumber = number;
          cells = [];
          nextColumn = 0;
          break;
        }
      }
    },
    close(name) {
      if (!inSheetData) return;
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          capture = CAPTURE_NONE;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'c': {
          const cell = finishCell();
          if (cells && cell !== EMPTY_CELL) {
            while (cells.length < column) cells.push(EMPTY_CELL);
            cells[column] = cell;
          }
          nextColumn = column + 1;
          break;
        }
        case 'row':
          if (cells && !isBlank(cells)) events.row({ row: rowNumber, cells });
          cells = null;
          break;
        case 'sheetData':
          inSheetData = false;
          events.sheetData?.(false);
          break;
      }
    },
    text(text) {
      if (capture === CAPTURE_VALUE) value += text;
      else if (capture === CAPTURE_FORMULA) formula += text;
      else if (capture === CAPTURE_INLINE_TEXT) inline += text;
    },
  };
}
