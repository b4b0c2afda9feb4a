import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Mapping } from '../../shared/mapping';

/** The mapping of the generated files: 9 columns, ISO timestamps, typed numbers and booleans. */
export const benchMapping: Mapping = {
  version: 1,
  name: { column: 'event_name' },
  timestamp: { column: 'occurred_at', format: 'iso8601' },
  customer: { column: 'customer_id' },
  contact: { column: 'contact_id' },
  customerData: {
    plan: { column: 'plan' },
    mrr: { column: 'mrr', type: 'number' },
    trial: { column: 'trial', type: 'boolean' },
  },
  contactData: { email: { column: 'email' }, seats: { column: 'seats', type: 'number' } },
};

/**
 * A CSV of `rows` rows 7 s apart from 2024-01-01 (8,000,000 rows stay before 2026), about 125 bytes each (1,000,000 rows ≈ 125 MB), written once to the temp
 * folder and reused by later runs of the same size.
 */
export async function generatedCsv(rows: number): Promise<string> {
  const file = path.join(tmpdir(), `customerscore-bench-v2-${rows}.csv`);
  const existing = await stat(file).catch(() => null);
  if (existing && existing.size > 0) return file;
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  out.write('event_name,occurred_at,customer_id,contact_id,plan,mrr,trial,email,seats\n');
  const plans = ['Starter', 'Growth', 'Enterprise'];
  const base = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i += 1) {
    const at = new Date(base + i * 7_000).toISOString();
    const line = `subscription_upgraded,${at},cus_${i % 50_000},con_${i},${plans[i % 3]},${(i % 997) * 3.5},${i % 2 === 0},person.${i}@example.com,${i % 40}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const { rename } = await import('node:fs/promises');
  await rename(partial, file);
  return file;
}
