import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { ImportSession } from './import-session';

const NOW = Date.UTC(2025, 0, 1);
const noProgress = () => {};

describe('validating an import session again', () => {
  it('keeps the cells typed over and the rows skipped', async () => {
    const dir = await tempDir();
    const session = await ImportSession.open('s-again', await writeEventsCsv(dir, 20, [4, 6]));
    await session.validate(eventsMapping, noProgress, NOW);
    await session.editCell(4, 1, '2024-04-01T10:00:00Z');
    await session.skipRows([6, 10], true);

    const again = await session.validate(eventsMapping, noProgress, NOW);
    expect(again).toMatchObject({
      result: 'valid',
      summary: {
        totalRows: 20,
        validRows: 19,
        invalidRows: 1,
        editedRows: 1,
        skippedRows: 2,
        readyRows: 18,
        issueCounts: { timestamp_unparsed: 1 },
      },
    });
    // The fixed row stays in the problems view because it was edited.
    const problems = await session.rows('problems', 0, 10);
    expect(problems.rows.map((r) => [r.row, r.status, r.skipped])).toEqual([
      [4, 'ok', false],
      [6, 'error', true],
    ]);
  });

  it('counts a short row whose missing cells were typed in as whole', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'short.csv');
    await writeFile(
      file,
      [
        'event,occurred_at,customer_id,contact_id,plan,mrr,email',
        'signup,2024-04-01T10:00:00Z,cus_1,con_1,Pro,1.5,a@example.com',
        'signup,2024-04-01T10:01:00Z,cus_2',
        '',
      ].join('\n'),
    );
    const session = await ImportSession.open('s-short', file);
    const first = await session.validate(eventsMapping, noProgress, NOW);
    expect(first).toMatchObject({ result: 'valid', summary: { validRows: 1, invalidRows: 1 } });
    await session.editCell(3, 6, 'b@example.com');

    const again = await session.validate(eventsMapping, noProgress, NOW);
    expect(again).toMatchObject({ result: 'valid', summary: { validRows: 2, invalidRows: 0 } });
    const page = await session.rows('all', 1, 1);
    expect(page.rows[0]?.cells).toEqual([
      'signup',
      '2024-04-01T10:01:00Z',
      'cus_2',
      '',
      '',
      '',
      'b@example.com',
    ]);
  });

  it('stops a validation under way when a new one starts', async () => {
    const dir = await tempDir();
    const session = await ImportSession.open('s-twice', await writeEventsCsv(dir, 5000));
    const first = session.validate(eventsMapping, noProgress, NOW);
    const second = session.validate(eventsMapping, noProgress, NOW);
    expect(await first).toEqual({ result: 'cancelled' });
    expect(await second).toMatchObject({ result: 'valid', summary: { totalRows: 5000 } });
    expect((await session.rows('all', 4999, 1)).rows.map((r) => r.row)).toEqual([5001]);
  });
});
