import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { emulatorTarget } from './testing/emulator-target';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../e2e/emulator/emulator';
import type { JobUpdate } from '../../shared/ipc-import';
import type { Mapping } from '../../shared/mapping';
import { UserError } from '../../shared/user-error';
import { tempDir } from '../engine/testing/csv-files';
import { createImportService } from './import-service';
import { PASTED_FOLDER, savePastedCells } from './pasted-cells';

const KEY = 'test-key-0123456789';
let emulator: Emulator | null = null;
afterEach(async () => {
  await emulator?.close();
  emulator = null;
});

// What Excel for Windows puts on the clipboard for a range of cells: tabs between cells, CRLF
// after every row (the last one too), and a cell with a line break quoted, its quotes doubled.
const EXCEL_CLIPBOARD = [
  'event\toccurred_at\tcustomer_id\tnote',
  'přihlášení\t2026-12-01T09:30:00Z\tcus_1\tOvěřeno',
  'nákup\t2026-12-02T14:05:00Z\tcus_2\t"Dárkový poukaz\r\nna jméno ""Jana"""',
  'odhlášení\t2026-12-03T07:00:00Z\tcus_3\t',
  '',
].join('\r\n');

const mapping: Mapping = {
  version: 1,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'iso8601', timezone: 'UTC' },
  customer: { column: 'customer_id' },
  customerData: { note: { column: 'note' } },
};

describe('pasted cells', () => {
  it('become a file of the data directory that imports like any file, line breaks in cells kept', async () => {
    emulator = await startEmulator({ apiKeys: [KEY], rateLimit: null });
    const dataDir = path.join(await tempDir(), 'data');
    const ended = new Map<string, (update: JobUpdate) => void>();
    const service = createImportService({
      dataDir,
      onValidation: () => undefined,
      onJob: (update) => {
        if (update.end) ended.get(update.jobId)?.(update);
      },
    });

    const opened = await service.paste(EXCEL_CLIPBOARD);
    expect(opened.file).toMatchObject({
      delimiter: '\t',
      encoding: 'utf-8',
      header: ['event', 'occurred_at', 'customer_id', 'note'],
    });
    expect(opened.file.fileName).toMatch(/^pasted-\d{4}-\d{2}-\d{2}-\d{6}\.tsv$/);
    expect(opened.file.sampleRows.map((row) => row.row)).toEqual([2, 3, 4]);
    const files = await readdir(path.join(dataDir, PASTED_FOLDER));
    expect(files).toEqual([opened.file.fileName]);
    const mode = (await stat(path.join(dataDir, PASTED_FOLDER, files[0] ?? ''))).mode & 0o777;
    expect(mode).toBe(0o600);

    const validated = await service.validate(opened.sessionId, mapping);
    expect(validated.result).toBe('valid');
    const target = emulatorTarget(emulator.url, KEY);
    const started = await service.start(opened.sessionId, 'all', target);
    const end = await new Promise<JobUpdate>((resolve) => ended.set(started.jobId, resolve));
    expect(end.end).toMatchObject({ outcome: 'completed' });
    const received = emulator.received.map((r) => r.event);
    expect(received.map((event) => event.name)).toEqual(['přihlášení', 'nákup', 'odhlášení']);
    expect(received[1]?.data?.customer).toEqual({ note: 'Dárkový poukaz\r\nna jméno "Jana"' });
    const history = await service.jobs();
    expect(history[0]).toMatchObject({ fileName: opened.file.fileName, sent: 3 });
  });

  it('refuse text that is not a range of cells, in words, before writing anything', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    for (const text of ['just a word', 'one\ttwo\tthree', '', 'a line\nand another']) {
      const refused = await savePastedCells(dataDir, text, new Date()).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(UserError);
      expect((refused as UserError).message).toMatch(/^The clipboard holds no cells\./);
    }
    await expect(readdir(path.join(dataDir, PASTED_FOLDER))).rejects.toThrow();
  });

  it('keep two pastes of the same second apart', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const at = new Date(2026, 11, 3, 14, 25, 1);
    const first = await savePastedCells(dataDir, 'a\tb\n1\t2\n', at);
    const second = await savePastedCells(dataDir, 'a\tb\n3\t4\n', at);
    expect(path.basename(first)).toBe('pasted-2026-12-03-142501.tsv');
    expect(path.basename(second)).toBe('pasted-2026-12-03-142501-2.tsv');
  });
});
