import type { Row } from '@tanstack/react-table';
import { memo, type ReactElement } from 'react';
import type { ReviewRow } from '../../../../shared/ipc-import';
import {
  cellIssues,
  dataColumnIndex,
  problemsText,
  ROW_HEIGHT,
  type ReviewFeatures,
  type reviewColumns,
} from './review-columns';

/** The cell that holds the keyboard focus: a position in the view and a column index. */
export interface CellFocus {
  pos: number;
  col: number;
}

/** A cell being changed: where, and the text typed so far. */
export interface CellEdit extends CellFocus {
  row: number;
  column: number;
  value: string;
}

export interface ReviewGridRowProps {
  pos: number;
  top: number;
  row: Row<ReviewFeatures, ReviewRow> | null;
  columns: ReturnType<typeof reviewColumns>;
  widths: readonly number[];
  tabbable: CellFocus;
  edit: CellEdit | null;
  onEditChange: (value: string) => void;
  onEditEnd: (keep: boolean) => void;
  onStartEdit: (pos: number, col: number) => void;
  onSkip: (row: number, skip: boolean) => void;
}

function statusClass(severity: 'error' | 'warning' | null): string {
  return severity ? ` im-grid__cell--${severity}` : '';
}

/** One row of the review grid; a row not loaded yet shows its place with "Loading…". */
export const ReviewGridRow = memo(function ReviewGridRow(props: ReviewGridRowProps): ReactElement {
  const { pos, row, columns, widths, tabbable, edit } = props;
  const original = row?.original ?? null;
  const rowClass = `im-grid__row${original?.skipped ? ' im-grid__row--skipped' : ''}`;
  const style = { top: props.top, height: ROW_HEIGHT };

  const cellProps = (col: number) => ({
    role: 'gridcell',
    'aria-colindex': col + 1,
    'data-cell': `${pos}:${col}`,
    tabIndex: tabbable.pos === pos && tabbable.col === col ? 0 : -1,
    style: { width: widths[col] },
  });

  if (!original || !row) {
    return (
      <div className={rowClass} role="row" aria-rowindex={pos + 2} style={style}>
        {columns.map((column, col) => (
          <div key={column.id} className="im-grid__cell text-muted" {...cellProps(col)}>
            {col === 0 ? '…' : col === 2 ? 'Loading…' : ''}
          </div>
        ))}
      </div>
    );
  }

  const cells = row.getAllCells();
  return (
    <div className={rowClass} role="row" aria-rowindex={pos + 2} style={style}>
      {cells.map((cell, col) => {
        const id = cell.column.id;
        if (id === 'row') {
          return (
            <div key={id} className="im-grid__cell im-grid__cell--number" {...cellProps(col)}>
              {original.row}
            </div>
          );
        }
        if (id === 'skip') {
          const { tabIndex, 'data-cell': where, ...rest } = cellProps(col);
          return (
            <div key={id} className="im-grid__cell" {...rest}>
              <input
                type="checkbox"
                data-cell={where}
                tabIndex={tabIndex}
                aria-label={`Skip row ${original.row}`}
                checked={original.skipped}
                onChange={(event) => props.onSkip(original.row, event.target.checked)}
              />
            </div>
          );
        }
        if (id === 'problems') {
          const text = problemsText(original);
          const tone = text === 'Fixed' ? 'ok' : original.status === 'ok' ? 'ok' : original.status;
          return (
            <div key={id} className="im-grid__cell" title={text} {...cellProps(col)}>
              <span className={`im-grid__message im-grid__message--${tone}`}>{text}</span>
            </div>
          );
        }
        const index = dataColumnIndex(id) ?? 0;
        const name =
          typeof cell.column.columnDef.header === 'string' ? cell.column.columnDef.header : '';
        const issues = cellIssues(original, name);
        const severity = issues.some((i) => i.severity === 'error')
          ? 'error'
          : issues.length > 0
            ? 'warning'
            : null;
        const edited = original.edited.includes(index);
        const message = issues.map((i) => i.message).join(' ');
        const value = original.cells[index] ?? '';
        if (edit && edit.pos === pos && edit.col === col) {
          return (
            <div key={id} className="im-grid__cell" {...cellProps(col)} tabIndex={-1}>
              <input
                className="im-grid__editor"
                aria-label={`New value for ${name} in row ${original.row}`}
                value={edit.value}
                autoFocus
                onChange={(event) => props.onEditChange(event.target.value)}
                onBlur={() => props.onEditEnd(true)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === 'Escape') {
                    event.preventDefault();
                    event.stopPropagation();
                    props.onEditEnd(event.key === 'Enter');
                  }
                }}
              />
            </div>
          );
        }
        return (
          <div
            key={id}
            className={`im-grid__cell${statusClass(severity)}${edited ? ' im-grid__cell--edited' : ''}`}
            title={message || undefined}
            aria-invalid={severity === 'error' ? true : undefined}
            onDoubleClick={() => props.onStartEdit(pos, col)}
            {...cellProps(col)}
          >
            <span className="im-grid__text">{value}</span>
            {message && <span className="visually-hidden">{`: ${message}`}</span>}
            {edited && <span className="visually-hidden"> (changed by you)</span>}
          </div>
        );
      })}
    </div>
  );
});
