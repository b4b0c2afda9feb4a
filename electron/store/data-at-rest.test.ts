import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { emulatorTarget } from '../import-sessions/testing/emulator-target';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import type { JobUpdate } from '../../shared/ipc-import';
import { runCliInProcess, writeMapping } from '../cli/testing/cli-harness';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { createFileRegistry } from '../import-sessions/file-registry';
import { createImportService } from '../import-sessions/import-service';
import { createLogger } from '../main/logger';
import { writeWindowState } from '../main/window-state-file';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, securePrivateDataDir } from './private-files';

const KEY = 'test-key-0123456789';
const posix = process.platform !== 'win32';
let emulator: Emulator | null = null;
let umask = 0o022;

// No umask at all: the modes must come from the code, not from a careful shell.
beforeEach(() => {
  umask = process.umask(0);
});
afterEach(async () => {
  process.umask(umask);
  await emulator?.close();
  emulator = null;
});

/** Every entry under `dir` with its permission bits, as "relative/path 700". */
async function modesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const lines = [`. ${((await stat(dir)).mode & 0o777).toString(8)}`];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    lines.push(`${path.relative(dir, full)} ${((await stat(full)).mode & 0o777).toString(8)}`);
  }
  return lines.sort();
}

describe.runIf(posix)('the data directory at rest', () => {
  it('holds only owner-only folders and files after an import in the app and a CLI run', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const file = await writeEventsCsv(dir, 30, [4], 'customers.csv');

    // The app: a pasted range and a file, validated (a recent mapping), sent (journal, notes,
    // report of the broken row), with a report download, a log line and the window's place.
    const files = createFileRegistry();
    const ended = new Promise<JobUpdate>((resolve) => {
      const service = createImportService({
        files,
        dataDir,
        onValidation: () => undefined,
        onJob: (update) => {
          if (update.end) resolve(update);
        },
      });
      void (async () => {
        await service.paste('event\toccurred_at\tcustomer_id\nsignup\t2024-04-01\tcus_1\n');
        const opened = await service.open(files.register(file).handle);
        await service.validate(opened.sessionId, eventsMapping);
        await service.sessionReport(opened.sessionId);
        await service.skipRows(opened.sessionId, 'problems', true);
        const url = (emulator as Emulator).url;
        await service.start(opened.sessionId, 'all', emulatorTarget(url, KEY));
      })();
    });
    expect((await ended).end).toMatchObject({ outcome: 'completed' });
    createLogger({ filePath: path.join(dataDir, 'logs', 'main.log') }).info('an import ended');
    expect(writeWindowState(dataDir, { width: 1200, height: 800 } as never)).toBe(true);

    // The CLI on the same data directory: a profile (settings.json) and a send with its journal.
    const env = { CUSTOMERSCORE_HOME: dataDir, CUSTOMERSCORE_KEY: KEY };
    const profile = await runCliInProcess(
      ['profile', 'set', '--tracker-key', 'CS-TEST1', '--endpoint', emulator.url],
      { env, cwd: dir },
    );
    expect(profile.code).toBe(0);
    const mapping = await writeMapping(dir, eventsMapping);
    const sent = await runCliInProcess(['send', file, '--mapping', mapping, '--rate', '1000/1s'], {
      env,
      cwd: dir,
    });
    expect(sent.code).toBe(1); // the broken row
    // The app sent these 29 to the same destination: the CLI's duplicate guard skips them all,
    // and the ledger it shares with the app is private like the rest.
    expect(emulator.received).toHaveLength(29);
    expect(sent.stdout).toContain('29 events skipped: already sent before');

    const modes = await modesUnder(dataDir);
    const folders = new Set(
      (await readdir(dataDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.relative(dataDir, path.join(entry.parentPath, entry.name))),
    );
    const expected = modes.map((line) => {
      const name = line.slice(0, line.lastIndexOf(' '));
      const mode = name === '.' || folders.has(name) ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
      return `${name} ${mode.toString(8)}`;
    });
    expect(modes).toEqual(expected);
    // The walk saw what it is about: journals, notes, reports, pasted cells, settings, log.
    const names = modes.join('\n');
    for (const part of ['journal.jsonl', 'app.json', 'pasted', 'settings.json', 'main.log']) {
      expect(names).toContain(part);
    }
  });

  it('closes an existing data directory that lets others in, but not a shared sticky folder', async () => {
    const dir = await tempDir();
    const loose = path.join(dir, 'loose');
    await mkdir(loose, { mode: 0o755 });
    securePrivateDataDir(loose);
    expect((await stat(loose)).mode & 0o777).toBe(0o700);

    const shared = path.join(dir, 'shared');
    await mkdir(shared);
    await chmod(shared, 0o1777);
    securePrivateDataDir(shared);
    expect((await stat(shared)).mode & 0o7777).toBe(0o1777);

    const fresh = path.join(dir, 'new', 'data');
    securePrivateDataDir(fresh);
    expect((await stat(fresh)).mode & 0o777).toBe(0o700);
  });
});
