import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Emulator } from '../../e2e/emulator/emulator';
import { startImportJob, type JobResult } from '../../electron/engine/job/job';
import { benchMapping } from './generate';

/** Sends a generated file through the real import job to the emulator; returns result and time. */
export async function runImport(
  file: string,
  emulator: Emulator,
  rate: { requests: number; perMs: number },
): Promise<{ result: JobResult; seconds: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-bench-home-'));
  const start = performance.now();
  const job = startImportJob({
    path: file,
    mapping: benchMapping,
    trackerKey: 'CS-TEST1',
    endpoint: emulator.url,
    apiKey: 'test-key',
    rate,
    dataDir,
    zone: 'UTC',
  });
  try {
    const result = await job.done;
    return { result, seconds: (performance.now() - start) / 1000 };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
