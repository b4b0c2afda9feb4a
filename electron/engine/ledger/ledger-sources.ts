import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** Who sent events: an import (its file's name) or the Send event screen, and when. */
export const ledgerSourceSchema = z.object({
  id: z.int().min(1),
  kind: z.enum(['import', 'send']),
  /** The file's name for an import; empty for the Send event screen. */
  label: z.string(),
  /** ISO 8601, when the run started. */
  at: z.string(),
  /**
   * The program writing the run's log, so that a later run can tell a log a crash abandoned
   * (its process gone from this computer) and seal it into a segment.
   */
  writer: z.object({ pid: z.int(), host: z.string() }).optional(),
});
export type LedgerSource = z.infer<typeof ledgerSourceSchema>;

export function sourceFile(dir: string, id: number): string {
  return path.join(dir, 'sources', `${id}.json`);
}

/** The sources named, by id; one whose file is gone or damaged is described as unknown. */
export async function readSources(
  dir: string,
  ids: Iterable<number>,
): Promise<Map<number, LedgerSource>> {
  const found = new Map<number, LedgerSource>();
  for (const id of ids) {
    try {
      const parsed = ledgerSourceSchema.safeParse(
        JSON.parse(await readFile(sourceFile(dir, id), 'utf8')),
      );
      if (parsed.success) {
        found.set(id, parsed.data);
        continue;
      }
    } catch {
      // Described as unknown below: the events were sent all the same.
    }
    found.set(id, { id, kind: 'import', label: '', at: '' });
  }
  return found;
}
