// Reader throughput against a bare papaparse parse of the same file.
// Run: node --import tsx bench/reader.bench.ts   (BENCH_ROWS=1000000 for the 1M-row case)
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Papa from 'papaparse';
import { readRows, sniffFile } from '../electron/engine/reading/reader';

const rows = Number(process.env.BENCH_ROWS ?? 200_000);
const runs = Number(process.env.BENCH_RUNS ?? 2);

/** About 125 bytes a row, some quoted values with commas and line breaks, some accents. */
async function writeCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('event_name,occurred_at,customer_id,contact_id,plan,mrr,email,note\n');
  const plans = ['Starter', 'Growth', 'Enterprise'];
  for (let i = 0; i < count; i += 1) {
    const note = i % 10 === 0 ? '"Müller, Zoë: ""VIP""\nsecond line"' : 'ok';
    const line = `subscription_upgraded,2024-04-0${1 + (i % 9)}T12:${String(i % 60).padStart(2, '0')}:00Z,cus_${i},con_${i * 7},${plans[i % 3]},${(i % 997) * 3.5},person${i}@example.com,${note}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

function barePapa(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    Papa.parse(createReadStream(path, { encoding: 'utf8' }), {
      chunk: (result: Papa.ParseResult<string[]>) => {
        count += result.data.length;
        sampleRss();
      },
      complete: () => resolve(count),
      error: reject,
    });
  });
}

async function reader(path: string): Promise<number> {
  const sniffed = await sniffFile(path);
  let count = 0;
  for await (const chunk of readRows(path, sniffed)) {
    count += chunk.rows.length;
    sampleRss();
  }
  return count;
}

async function time(
  run: () => Promise<number>,
): Promise<{ ms: number; count: number; rss: number }> {
  peakRss = 0;
  const start = performance.now();
  const count = await run();
  return { ms: performance.now() - start, count, rss: peakRss };
}

const dir = await mkdtemp(join(tmpdir(), 'reader-bench-'));
const path = join(dir, 'bench.csv');
try {
  await writeCsv(path, rows);
  const { size } = await stat(path);
  console.log(`${rows.toLocaleString('en')} rows, ${(size / 1e6).toFixed(1)} MB: ${path}`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  let best = { papa: Infinity, reader: Infinity };
  for (let run = 1; run <= runs; run += 1) {
    const papa = await time(() => barePapa(path));
    const ours = await time(() => reader(path));
    best = { papa: Math.min(best.papa, papa.ms), reader: Math.min(best.reader, ours.ms) };
    console.log(
      `run ${run}: papaparse ${papa.ms.toFixed(0)} ms (${papa.count} records, peak RSS ${mb(papa.rss)}), ` +
        `readRows ${ours.ms.toFixed(0)} ms (${ours.count} rows, peak RSS ${mb(ours.rss)})`,
    );
  }
  console.log(
    `ratio readRows / papaparse (best of ${runs}): ${(best.reader / best.papa).toFixed(2)}`,
  );
  console.log(`process peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
