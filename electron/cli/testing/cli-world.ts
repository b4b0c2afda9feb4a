import path from 'node:path';
import { afterEach } from 'vitest';
import { startEmulator, type Emulator } from '../../../e2e/emulator/emulator';
import type { EmulatorOptions } from '../../../e2e/emulator/types';
import { tempDir } from '../../engine/testing/csv-files';
import type { Mapping } from '../../../shared/mapping';
import { runCliInProcess, writeMapping, type CliRun } from './cli-harness';

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

/** A world whose `send` and `validate` always use one mapping, written into its folder. */
export interface MappedCliWorld extends Omit<CliWorld, 'send' | 'validate'> {
  send(file: string, ...extra: string[]): Promise<CliRun>;
  validate(file: string, ...extra: string[]): Promise<CliRun>;
}

/** Like `useCliWorlds`, with `mapping` bound to every command. */
export function useMappedCliWorlds(
  key: string,
  prefix: string,
  mapping: Mapping,
): (emulatorOptions?: EmulatorOptions) => Promise<MappedCliWorld> {
  const newWorld = useCliWorlds(key, prefix);
  return async (emulatorOptions) => {
    const made = await newWorld(emulatorOptions);
    const file = await writeMapping(made.dir, mapping);
    return {
      ...made,
      send: (events, ...extra) => made.send(events, file, ...extra),
      validate: (events, ...extra) => made.validate(events, file, ...extra),
    };
  };
}

/** The customer IDs of the events the emulator received, in order. */
export function customersReceived(emulator: Emulator): string[] {
  return emulator.received.map(
    (r) => (r.event as { identification: { customer: string } }).identification.customer,
  );
}
