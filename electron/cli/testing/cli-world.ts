import path from 'node:path';
import { afterEach } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import type { EmulatorOptions } from '../../../e2e/emulator/types';
import { tempDir } from '../../engine/testing/csv-files';
import { runCliInProcess, type CliRun } from './cli-harness';

/** One CLI test's world: a fresh data directory and the emulator the CLI sends to. */
export interface CliWorld {
  dir: string;
  /** `CUSTOMERSCORE_HOME` (the data directory) and `CUSTOMERSCORE_KEY`. */
  env: Record<string, string>;
  emulator: Emulator;
  /** `send <file> --mapping <mapping>` to the emulator at 1,000 requests a second, plus `extra`. */
  send(file: string, mapping: string, ...extra: string[]): Promise<CliRun>;
  /** `validate <file> --mapping <mapping>`, counting against the emulator's destination. */
  validate(file: string, mapping: string, ...extra: string[]): Promise<CliRun>;
}

/**
 * Per-test worlds for CLI tests against the Track API emulator; call once per test file, with the
 * file's API key and a name for its temp folders. Each world's emulator closes after its test.
 */
export function useCliWorlds(
  key: string,
  prefix: string,
): (emulatorOptions?: EmulatorOptions) => Promise<CliWorld> {
  let emulator: Emulator | null = null;
  afterEach(async () => {
    await emulator?.close();
    emulator = null;
  });
  return async (emulatorOptions = {}) => {
    const started = await startEmulator({ apiKeys: [key], rateLimit: null, ...emulatorOptions });
    emulator = started;
    const dir = await tempDir(prefix);
    const env = { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: key };
    const where = ['--tracker-key', 'CS-TEST1', '--endpoint', started.url];
    return {
      dir,
      env,
      emulator: started,
      send: (file, mapping, ...extra) =>
        runCliInProcess(
          ['send', file, '--mapping', mapping, ...where, '--rate', '1000/1s', ...extra],
          { env, cwd: dir },
        ),
      validate: (file, mapping, ...extra) =>
        runCliInProcess(['validate', file, '--mapping', mapping, ...where, ...extra], {
          env,
          cwd: dir,
        }),
    };
  };
}
