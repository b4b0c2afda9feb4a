import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/csv-files';
import { LARGE_HEADER, writeLargeWorkbook } from '../../testing/workbook-files';
import { cellText } from './cell-text';
import { readSheetRows, sniffWorkbook } from './workbook-reader';

const ROWS = 200_000;
let dir = '';
let path = '';

beforeAll(async () => {
  dir = await tempDir('workbook-memory-');
  path = join(dir, 'large.xlsx');
  await writeLargeWorkbook(path, ROWS);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The garbage collector, so that heap use measures what is kept alive, not what awaits collection. */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('readSheetRows memory', () => {
  it('streams a sheet of 200,000 rows holding about one chunk, not the sheet', async () => {
    expect((await sniffWorkbook(path)).header).toEqual([...LARGE_HEADER]);
    const gc = exposeGc();
    gc();
    const base = process.memoryUsage().heapUsed;
    let kept = 0;
    let rows = 0;
    let chunks = 0;
    let lastRow = 0;
    const started = performance.now();
    for await (const chunk of readSheetRows(path)) {
      for (const row of chunk.rows) {
        for (const cell of row.cells) cellText(cell);
        lastRow = row.row;
      }
      rows += chunk.rows.length;
      chunks += 1;
      if (chunks % 50 === 0) {
        gc();
        kept = Math.max(kept, process.memoryUsage().heapUsed - base);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    expect(rows).toBe(ROWS);
    expect(lastRow).toBe(ROWS + 1);
    expect(chunks).toBeGreaterThan(100);
    // The rows as cells would take well over 100 MB of heap, the sheet's XML about 90 MB; a
    // chunk of 500 rows takes well under 1 MB.
    expect(kept).toBeLessThan(16 * 1024 * 1024);
    const { size } = await stat(path);
    console.log(
      `workbook: ${ROWS} rows (${(size / 1e6).toFixed(1)} MB .xlsx) in ${seconds.toFixed(2)} s, ` +
        `${Math.round(ROWS / seconds)} rows/s; heap kept at most ${(kept / 1e6).toFixed(1)} MB, ` +
        `RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    );
  }, 120_000);
});
