import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import { startImportJob } from './job';
import { eventsMapping, tempDir, writeEventsCsv } from '../testing/csv-files';

let emulator: Emulator | null = null;

afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

// The whole file is one chunk of the reader: batches packed after the stop are never sent, and the
// low-water mark must stay below them so that the resume sends them.
it('an import interrupted mid-file sends every remaining row on resume, none twice', async () => {
  emulator = await startEmulator({ apiKeys: ['key-0123456789'], rateLimit: null });
  const dir = await tempDir();
  const file = await writeEventsCsv(dir, 600);
  const options = {
    path: file,
    mapping: eventsMapping,
    trackerKey: 'CS-TEST1',
    endpoint: emulator.url,
    apiKey: 'key-0123456789',
    rate: { requests: 5, perMs: 1000 },
    dataDir: path.join(dir, 'data'),
  };
  const first = startImportJob({
    ...options,
    onProgress: (progress) => {
      if (progress.eventsSent >= 100) first.interrupt();
    },
  });
  const stopped = await first.done;
  expect(stopped.outcome).toBe('interrupted');
  const before = emulator.received.length;
  expect(before).toBeLessThan(600);

  const resumed = await startImportJob({ ...options, resumeJobId: stopped.jobId ?? '' }).done;
  expect(resumed.outcome).toBe('completed');
  const customers = emulator.received.map((r) => r.event.identification.customer);
  expect(customers).toHaveLength(600);
  expect(new Set(customers).size).toBe(600);
});
