import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from './reader';

const ROWS = 400_000;
let dir = '';
let path = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reader-memory-'));
  path = join(dir, 'large.csv');
  const out = createWriteStream(path);
  out.write('event_name,occurred_at,customer_id,contact_id,plan,email,note\n');
  for (let i = 0; i < ROWS; i += 1) {
    const line = `subscription_upgraded,2024-04-01T12:00:00Z,cus_${i},con_${i},Growth,person${i}@example.com,"Zoë, ""VIP"" customer"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The garbage collector, so that heap use measures what is kept alive, not what awaits collection. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('readRows memory', () => {
  it('reads a ~50 MB file holding about one chunk, not the file', async () => {
    const { size } = await stat(path);
    expect(size).toBeGreaterThan(45_000_000);
    const gc = exposeGc();
    gc();
    const base = process.memoryUsage().heapUsed;
    let kept = 0;
    let rows = 0;
    let chunks = 0;
    for await (const chunk of readRows(path)) {
      rows += chunk.rows.length;
      chunks += 1;
      if (chunks % 100 === 0) {
        gc();
        kept = Math.max(kept, process.memoryUsage().heapUsed - base);
      }
    }
    expect(rows).toBe(ROWS);
    expect(chunks).toBeGreaterThan(100);
    // The decoded file would take about twice its size in heap; a chunk takes well under 1 MB.
    expect(kept).toBeLessThan(size / 10);
  });
});
