import { useTable } from '@tanstack/react-table';
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react';
import type { ReviewRow } from '../../../../shared/ipc-import';
import type { ImportRows } from '../../api/useImportRows';
import { ReviewGridRow, type CellFocus, type CellEdit } from './ReviewGridRow';
import {
  columnWidth,
  dataColumnIndex,
  focusedProblem,
  reviewColumns,
  reviewFeatures,
  ROW_HEIGHT,
} from './review-columns';
import { rowWindow, scrollTopFor } from './virtual-rows';
import './review-grid.css';

export interface ReviewTableProps {
  label: string;
  header: readonly string[];
  rows: ImportRows;
  emptyText: string;
}

const HEAD_HEIGHT = ROW_HEIGHT;
const GRID_HEIGHT = 460;

/**
 * Every row of the file in a virtualized grid: only the rows in view are drawn and asked for. The
 * keyboard moves a single focus through the cells (arrows, Page Up/Down, Home/End, Ctrl+Home/End);
 * Enter or F2 changes a cell of the file (Enter keeps the change, Escape drops it); Space on the
 * Skip box skips the row. The line under the grid shows the selected cell's problems in full
 * (the cell cuts them off, and its tooltip needs a mouse).
 */
export function ReviewTable({ label, header, rows, emptyText }: ReviewTableProps): ReactElement {
  const grid = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [focus, setFocus] = useState<CellFocus>({ pos: 0, col: 3 });
  const [edit, setEdit] = useState<CellEdit | null>(null);
  const [editProblem, setEditProblem] = useState<string | null>(null);
  // Whether a cell was ever selected: until then the line under the grid says what it is for.
  const [selected, setSelected] = useState(false);
  const focusWanted = useRef(false);
  const total = rows.total ?? 0;

  const columns = useMemo(() => reviewColumns(header), [header]);
  const columnCount = columns.length;
  const view = { total, rowHeight: ROW_HEIGHT, viewportHeight: viewport, scrollTop };
  const shown = rowWindow(view);

  useEffect(() => {
    const element = grid.current;
    if (!element) return;
    const measure = () => setViewport(Math.max(ROW_HEIGHT, element.clientHeight - HEAD_HEIGHT));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const { ensure } = rows;
  useEffect(() => {
    if (shown.last >= shown.first) ensure(shown.first, shown.last);
  }, [ensure, shown.first, shown.last]);

  const data: ReviewRow[] = [];
  for (let pos = shown.first; pos <= shown.last; pos += 1) {
    const row = rows.row(pos);
    if (row) data.push(row);
  }
  const table = useTable({
    features: reviewFeatures,
    columns,
    data,
    getRowId: (row) => String(row.position),
  });
  const byPosition = new Map(table.getRowModel().rows.map((row) => [row.original.position, row]));

  // Move the real focus once the wanted cell is drawn (after a scroll, on the next render).
  useLayoutEffect(() => {
    if (!focusWanted.current || edit) return;
    const cell = grid.current?.querySelector<HTMLElement>(
      `[data-cell="${focus.pos}:${focus.col}"]`,
    );
    if (cell) {
      cell.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const clampedFocus: CellFocus = {
    pos: Math.min(focus.pos, Math.max(0, total - 1)),
    col: Math.min(focus.col, columnCount - 1),
  };
  const tabbable: CellFocus =
    clampedFocus.pos >= shown.first && clampedFocus.pos <= shown.last
      ? clampedFocus
      : { pos: Math.max(0, Math.ceil(shown.first)), col: clampedFocus.col };

  const moveTo = (pos: number, col: number) => {
    const next = {
      pos: Math.min(Math.max(0, pos), Math.max(0, total - 1)),
      col: Math.min(Math.max(0, col), columnCount - 1),
    };
    setFocus(next);
    focusWanted.current = true;
    const top = scrollTopFor(view, next.pos);
    if (top !== null && grid.current) {
      grid.current.scrollTop = top;
      setScrollTop(top);
    }
  };

  const startEdit = (pos: number, col: number) => {
    const row = rows.row(pos);
    const id = columns[col]?.id ?? '';
    const index = dataColumnIndex(id);
    if (!row || index === null) return;
    setEditProblem(null);
    setEdit({ pos, col, row: row.row, column: index, value: row.cells[index] ?? '' });
  };

  const finishEdit = async (keep: boolean) => {
    const current = edit;
    if (!current) return;
    setEdit(null);
    focusWanted.current = true;
    if (!keep) return;
    const row = rows.row(current.pos);
    if (row && (row.cells[current.column] ?? '') === current.value) return;
    const problem = await rows.editCell(current.row, current.column, current.value);
    setEditProblem(problem);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (edit || total === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const { pos, col } = clampedFocus;
    const moves: Record<string, () => void> = {
      ArrowDown: () => moveTo(pos + 1, col),
      ArrowUp: () => moveTo(pos - 1, col),
      ArrowRight: () => moveTo(pos, col + 1),
      ArrowLeft: () => moveTo(pos, col - 1),
      PageDown: () => moveTo(pos + page, col),
      PageUp: () => moveTo(pos - page, col),
      Home: () => (event.ctrlKey ? moveTo(0, col) : moveTo(pos, 0)),
      End: () => (event.ctrlKey ? moveTo(total - 1, col) : moveTo(pos, columnCount - 1)),
      Enter: () => startEdit(pos, col),
      F2: () => startEdit(pos, col),
    };
    const move = moves[event.key];
    if (!move) return;
    // Space and Enter on the Skip box belong to the box itself.
    if (event.key === 'Enter' && columns[col]?.id === 'skip') return;
    event.preventDefault();
    move();
  };

  const widths = columns.map((column) => columnWidth(column.id ?? ''));
  const focusedRow = selected ? rows.row(clampedFocus.pos) : null;
  const focusedIndex = dataColumnIndex(columns[clampedFocus.col]?.id ?? '');
  const details = focusedRow
    ? focusedProblem(focusedRow, focusedIndex === null ? null : (header[focusedIndex] ?? null))
    : null;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="field">
      <div
        ref={grid}
        className="im-grid"
        // A few problem rows get a short table; many rows get a window of them.
        style={{ height: Math.min(GRID_HEIGHT, (Math.max(4, total) + 1) * ROW_HEIGHT + 2) }}
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-colcount={columnCount}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          setSelected(true);
          const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
          const [pos, col] = (cell?.dataset['cell'] ?? '').split(':').map(Number);
          if (pos !== undefined && col !== undefined && !Number.isNaN(pos) && !Number.isNaN(col)) {
            if (pos !== focus.pos || col !== focus.col) setFocus({ pos, col });
          }
        }}
      >
        <div role="rowgroup">
          <div className="im-grid__head" role="row" aria-rowindex={1}>
            {headers.map((h, i) => (
              <div
                key={h.id}
                role="columnheader"
                aria-colindex={i + 1}
                className="im-grid__cell"
                style={{ width: widths[i] }}
                title={
                  typeof h.column.columnDef.header === 'string'
                    ? h.column.columnDef.header
                    : undefined
                }
              >
                <span className="im-grid__text">
                  <table.FlexRender header={h} />
                </span>
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="im-grid__body" style={{ height: shown.height }}>
          {Array.from({ length: Math.max(0, shown.last - shown.first + 1) }, (_, i) => {
            const pos = shown.first + i;
            return (
              <ReviewGridRow
                key={pos}
                pos={pos}
                top={shown.top(pos)}
                row={byPosition.get(pos) ?? null}
                columns={columns}
                widths={widths}
                tabbable={tabbable}
                edit={edit}
                onEditChange={(value) => setEdit((e) => (e ? { ...e, value } : e))}
                onEditEnd={(keep) => void finishEdit(keep)}
                onStartEdit={startEdit}
                onSkip={(rowNumber, skip) => void rows.skip([rowNumber], skip)}
              />
            );
          })}
        </div>
      </div>
      {rows.total === 0 && <p className="im-grid__empty">{emptyText}</p>}
      {total > 0 && (
        // Stays after the focus leaves (like a spreadsheet's selection), so that nothing below
        // moves under a click on the buttons after the grid.
        <p className={`im-grid__details im-grid__details--${details?.severity ?? 'none'}`}>
          {details?.text ??
            (selected
              ? 'Loading the row…'
              : "Select a cell to read its row's problems in full here.")}
        </p>
      )}
      {(editProblem ?? rows.problem) && (
        <p role="alert" className="field__error">
          {editProblem ?? rows.problem}
        </p>
      )}
    </div>
  );
}
