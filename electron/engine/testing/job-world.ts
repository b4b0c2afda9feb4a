import path from 'node:path';
import { afterEach } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import type { EmulatorOptions } from '../../../e2e/emulator/types';
import type { ImportJobOptions } from '../job/job';
import { eventsMapping, tempDir, writeEventsCsv } from './csv-files';

export const JOB_TEST_KEY = 'test-key-0123456789';

/**
 * Per-test worlds for import-job tests: an emulator, a generated file of `rows` rows (with
 * `broken` rows that cannot be read), and job options pointing at both. Call once per test file;
 * each world's emulator is closed after its test.
 */
export function useJobWorlds(): (
  rows: number,
  broken?: number[],
  settings?: { emulator?: EmulatorOptions; rate?: ImportJobOptions['rate'] },
) => Promise<{ dir: string; file: string; options: ImportJobOptions; emulator: Emulator }> {
  let emulator: Emulator | null = null;
  afterEach(async () => {
    await emulator?.close();
    emulator = null;
  });
  return async (rows, broken = [], settings = {}) => {
    const started = await startEmulator({
      apiKeys: [JOB_TEST_KEY],
      rateLimit: null,
      ...settings.emulator,
    });
    emulator = started;
    const dir = await tempDir();
    const file = await writeEventsCsv(dir, rows, broken);
    const options: ImportJobOptions = {
      path: file,
      mapping: eventsMapping,
      trackerKey: 'CS-TEST1',
      endpoint: started.url,
      apiKey: JOB_TEST_KEY,
      rate: settings.rate ?? { requests: 1000, perMs: 1000 },
      dataDir: path.join(dir, 'data'),
      reportPath: path.join(dir, 'rejected.csv'),
    };
    return { dir, file, options, emulator: started };
  };
}
