import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Mapping } from '../../../shared/mapping';

/** A fresh temporary folder for one test (data directory, files, reports). */
export async function tempDir(prefix = 'csi-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** The mapping the generated files below fit. */
export const eventsMapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'iso8601', timezone: 'UTC' },
  customer: { column: 'customer_id' },
  contact: { column: 'contact_id' },
  customerData: { plan: { column: 'plan' }, mrr: { column: 'mrr', type: 'number' } },
  contactData: { email: { column: 'email' } },
};

/**
 * Writes a CSV of `rows` data rows that all fit `eventsMapping`; `broken` row numbers (spreadsheet
 * numbering, first data row = 2) get a timestamp nobody can read.
 */
export async function writeEventsCsv(
  dir: string,
  rows: number,
  broken: readonly number[] = [],
  name = 'events.csv',
): Promise<string> {
  const lines = ['event,occurred_at,customer_id,contact_id,plan,mrr,email'];
  const base = Date.UTC(2024, 3, 1);
  for (let i = 0; i < rows; i += 1) {
    const row = i + 2;
    const at = broken.includes(row) ? 'not a date' : new Date(base + i * 60_000).toISOString();
    lines.push(`signup,${at},cus_${i},con_${i},"Pro, yearly",${i}.5,user${i}@example.com`);
  }
  const file = path.join(dir, name);
  await writeFile(file, lines.join('\r\n') + '\r\n');
  return file;
}
