import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../store/atomic-write';
import { RowSet } from '../journal/journal-ranges';
import type { DataRow } from '../reading/reader';

/**
 * What a person changed in the review, without touching the file: cells typed over (kept as
 * overrides), rows skipped, and, for "send again only the refused rows", the rows a job is limited
 * to. A job records them beside its journal so that a resume applies exactly the same changes.
 */
export interface RowEdits {
  /** Row number -> column index -> the cell's new text. */
  overrides: ReadonlyMap<number, ReadonlyMap<number, string>>;
  /** Rows not to send; they are reported as skipped. */
  skip: RowSet;
  /** When set, only these rows are considered: all others are neither sent nor reported. */
  only: RowSet | null;
}

const rowSchema = z.int().min(1);
const rangesSchema = z.array(z.tuple([rowSchema, rowSchema]));

/** `edits.json` beside a job's journal. */
export const rowEditsFileSchema = z.strictObject({
  version: z.literal(1),
  overrides: z.array(z.tuple([rowSchema, z.int().min(0), z.string()])),
  skip: rangesSchema,
  only: rangesSchema.nullable(),
});
export type RowEditsFile = z.infer<typeof rowEditsFileSchema>;

export const EDITS_FILE_NAME = 'edits.json';

/** No changes at all. */
export function emptyRowEdits(): RowEdits {
  return { overrides: new Map(), skip: new RowSet(), only: null };
}

/** Whether the edits change anything (a job without any writes no file). */
export function hasRowEdits(edits: RowEdits): boolean {
  return edits.overrides.size > 0 || edits.skip.size > 0 || edits.only !== null;
}

/**
 * The row with its overrides applied (a copy; the row itself is left alone), or the row as it is.
 * An override may fill a cell a short row lacks: the row is padded with empty cells up to it.
 * A cell typed over loses its workbook type: it is read from its new text.
 */
export function applyOverrides(row: DataRow, edits: RowEdits | undefined): DataRow {
  const changes = edits?.overrides.get(row.row);
  if (!changes || changes.size === 0) return row;
  const cells = [...row.cells];
  for (const [column, value] of changes) {
    while (cells.length < column) cells.push('');
    cells[column] = value;
  }
  if (row.typed === undefined) return { row: row.row, cells };
  // A workbook's cell typed over is text now: what it was (a date, an error) no longer holds.
  const typed = [...row.typed];
  for (const column of changes.keys()) typed[column] = undefined;
  return { row: row.row, cells, typed };
}

export function toRowEditsFile(edits: RowEdits): RowEditsFile {
  const overrides: [number, number, string][] = [];
  for (const [row, changes] of [...edits.overrides].sort(([a], [b]) => a - b)) {
    for (const [column, value] of changes) overrides.push([row, column, value]);
  }
  return {
    version: 1,
    overrides,
    skip: edits.skip.ranges(),
    only: edits.only ? edits.only.ranges() : null,
  };
}

export function fromRowEditsFile(file: RowEditsFile): RowEdits {
  const overrides = new Map<number, Map<number, string>>();
  for (const [row, column, value] of file.overrides) {
    const changes = overrides.get(row) ?? new Map<number, string>();
    changes.set(column, value);
    overrides.set(row, changes);
  }
  const skip = new RowSet();
  skip.add(file.skip);
  let only: RowSet | null = null;
  if (file.only) {
    only = new RowSet();
    only.add(file.only);
  }
  return { overrides, skip, only };
}

/** Writes the edits beside a journal (atomically, synced) before anything is sent. */
export async function saveRowEdits(jobDir: string, edits: RowEdits): Promise<void> {
  await writeFileAtomic(path.join(jobDir, EDITS_FILE_NAME), JSON.stringify(toRowEditsFile(edits)));
}

/** The edits a job started with, or none when it had none (no file). A damaged file throws. */
export async function loadRowEdits(jobDir: string): Promise<RowEdits | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(jobDir, EDITS_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return fromRowEditsFile(rowEditsFileSchema.parse(JSON.parse(text)));
}
