import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewRow, RowsView } from '../../../shared/ipc-import';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { setState } from './import-wizard-store';

export const PAGE_SIZE = 100;
// Pages kept in the page: enough for a few screens either way, little memory for any file size.
const MAX_PAGES = 40;

export interface ImportRows {
  /** Rows in the current view, or null until the first page answered. */
  total: number | null;
  row(position: number): ReviewRow | undefined;
  /** Asks for the pages holding these positions (visible rows and a margin). */
  ensure(first: number, last: number): void;
  editCell(row: number, column: number, value: string): Promise<string | null>;
  /** Skips rows (or takes the skip back); `problems` means every row that cannot be sent. */
  skip(rows: number[] | 'problems', skip: boolean): Promise<string | null>;
  problem: string | null;
}

/**
 * The review table's rows, paged from the main process on demand: only pages near the visible
 * rows are asked for and kept, so a million-row file scrolls with a few thousand rows in memory.
 * A new `version` (a new validation, a skip of many rows, another view) starts afresh.
 */
export function useImportRows(
  sessionId: string | null,
  view: RowsView,
  version: number,
): ImportRows {
  const pages = useRef(new Map<number, ReviewRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  // Each answer is kept with what it answered: a count belongs to its view, a problem to its reading.
  const [counted, setCounted] = useState<{ view: RowsView; total: number } | null>(null);
  const [failed, setFailed] = useState<{ generation: number; message: string } | null>(null);
  const [, setTick] = useState(0);

  const load = useCallback(
    (page: number) => {
      if (!sessionId || pages.current.has(page) || pending.current.has(page)) return;
      const asked = generation.current;
      pending.current.add(page);
      const offset = page * PAGE_SIZE;
      callApi((api) => api.import.rows({ sessionId, view, offset, limit: PAGE_SIZE })).then(
        (answer) => {
          if (asked !== generation.current) return;
          pending.current.delete(page);
          pages.current.set(page, answer.rows);
          while (pages.current.size > MAX_PAGES) {
            const oldest = pages.current.keys().next().value;
            if (oldest === undefined) break;
            pages.current.delete(oldest);
          }
          setCounted({ view, total: answer.total });
          setTick((t) => t + 1);
        },
        (error: unknown) => {
          if (asked !== generation.current) return;
          pending.current.delete(page);
          setFailed({ generation: asked, message: errorMessage(error) });
        },
      );
    },
    [sessionId, view],
  );

  const [generationShown, setGenerationShown] = useState(0);
  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    load(0);
    // The count stays on screen while the same view reloads; another view starts from nothing.
    const current = generation.current;
    queueMicrotask(() => setGenerationShown(current));
  }, [load, version, view]);
  const total = counted?.view === view ? counted.total : null;
  const problem = failed?.generation === generationShown ? failed.message : null;

  const row = useCallback((position: number) => {
    const page = pages.current.get(Math.floor(position / PAGE_SIZE));
    return page?.[position % PAGE_SIZE];
  }, []);

  const ensure = useCallback(
    (first: number, last: number) => {
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const to = Math.max(from, Math.floor(Math.max(first, last) / PAGE_SIZE));
      for (let page = from; page <= to; page += 1) {
        const rows = pages.current.get(page);
        if (rows) {
          // Touch it so the least recently used page goes first.
          pages.current.delete(page);
          pages.current.set(page, rows);
        } else load(page);
      }
    },
    [load],
  );

  const editCell = useCallback(
    async (rowNumber: number, column: number, value: string): Promise<string | null> => {
      if (!sessionId) return null;
      try {
        const answer = await callApi((api) =>
          api.import.editCell({ sessionId, row: rowNumber, column, value }),
        );
        setState({ summary: answer.summary });
        const updated = answer.row;
        if (updated) {
          for (const rows of pages.current.values()) {
            const at = rows.findIndex((r) => r.row === rowNumber);
            if (at !== -1)
              rows[at] = { ...updated, position: rows[at]?.position ?? updated.position };
          }
          setTick((t) => t + 1);
        }
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },
    [sessionId],
  );

  const skip = useCallback(
    async (rows: number[] | 'problems', skipped: boolean): Promise<string | null> => {
      if (!sessionId) return null;
      try {
        const summary = await callApi((api) =>
          api.import.skipRows({ sessionId, rows, skip: skipped }),
        );
        setState({ summary });
        const chosen = rows === 'problems' ? null : new Set(rows);
        for (const page of pages.current.values()) {
          page.forEach((r, i) => {
            if (chosen ? !chosen.has(r.row) : r.status !== 'error') return;
            // A row that cannot be sent stays skipped while "skip all rows with problems" is on.
            page[i] = { ...r, skipped: skipped || (summary.skipProblems && r.status === 'error') };
          });
        }
        setTick((t) => t + 1);
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },
    [sessionId],
  );

  return { total, row, ensure, editCell, skip, problem };
}
