import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../../shared/mapping';
import { tempDir } from '../testing/csv-files';
import { prepareImport } from './prepare';
import { validateFile } from './validate';

// Decimal marks and yes/no words of real-shaped exports (e2e/fixtures/exports/, see make-exports.ts),
// decided from the whole column by the engine.
const EXPORTS = path.join(import.meta.dirname, '../../../e2e/fixtures/exports');
const NOW = Date.UTC(2026, 11, 31);

function mapping(columns: {
  name: string;
  timestamp: string;
  customer: string;
  amount: string;
  flag: string;
}): Mapping {
  return {
    version: 1,
    name: { column: columns.name },
    timestamp: { column: columns.timestamp, timezone: 'Europe/Prague' },
    customer: { column: columns.customer },
    customerData: {
      amount: { column: columns.amount, type: 'number' },
      flag: { column: columns.flag, type: 'boolean' },
    },
  };
}

async function eventsOf(file: string, use: Mapping) {
  const opened = await prepareImport({ path: file, mapping: use, now: NOW });
  if (!opened.ok) throw new Error(opened.issues.map((issue) => issue.message).join(' '));
  const { converter, mapping: decided, decimalMarks } = opened.prepared;
  const summary = await validateFile({ path: file, mapping: use, now: NOW });
  return { converter, decided, decimalMarks, summary };
}

describe('numbers, dates and yes/no of local exports', () => {
  it('reads the Czech CRM export: spaced thousands, decimal comma, ano/ne, "3. 12. 2026 14:05"', async () => {
    const file = path.join(EXPORTS, 'czech-crm-windows-1250.csv');
    const use = mapping({
      name: 'Událost',
      timestamp: 'Datum',
      customer: 'E-mail',
      amount: 'Částka',
      flag: 'Aktivní',
    });
    const { converter, decided, decimalMarks, summary } = await eventsOf(file, use);
    expect(decided.customerData?.['amount']).toEqual({
      column: 'Částka',
      type: 'number',
      decimal: 'comma',
    });
    expect(decimalMarks).toEqual([
      {
        owner: 'customerData',
        key: 'amount',
        column: 'Částka',
        mark: 'comma',
        automatic: true,
        description: 'Automatic: comma (1 234,56), because of values like "1 234,56".',
      },
    ]);
    expect(summary.ok && summary.summary.invalidRows).toBe(0);
    const header = ['Zákazník', 'E-mail', 'Událost', 'Datum', 'Částka', 'Aktivní', 'Poznámka'];
    const cells = ['J', 'j@example.cz', 'nákup', '3. 12. 2026 14:05', '1 234,56', 'ano', ''];
    expect(header).toHaveLength(cells.length);
    expect(converter.convert(cells, 2).event).toMatchObject({
      timestamp: Date.UTC(2026, 11, 3, 13, 5),
      data: { customer: { amount: 1234.56, flag: true } },
    });
  });

  it('reads the German bank export below its preamble: -1.234,56 and ja/nein/JA', async () => {
    const file = path.join(EXPORTS, 'german-bank-preamble.csv');
    const use: Mapping = {
      ...mapping({
        name: 'Buchungstext',
        timestamp: 'Buchungstag',
        customer: 'Kundennummer',
        amount: 'Betrag (EUR)',
        flag: 'Bestätigt',
      }),
      source: { headerRow: 14 },
    };
    const { decimalMarks, summary } = await eventsOf(file, use);
    expect(decimalMarks.map((choice) => choice.mark)).toEqual(['comma']);
    expect(summary.ok && summary.summary.invalidRows).toBe(0);
    // Three rows: the sample is the whole file, so validation needs no second pass.
    expect(summary.ok && summary.summary.decimalMarks).toEqual(decimalMarks);
  });

  it('reads the French billing export: no-break and narrow no-break thousands, oui/non', async () => {
    const file = path.join(EXPORTS, 'french-billing.csv');
    const use: Mapping = {
      ...mapping({
        name: 'Événement',
        timestamp: 'Date',
        customer: 'Courriel',
        amount: 'Montant',
        flag: 'Payé',
      }),
      timestamp: { column: 'Date', format: 'dd/MM/yyyy HH:mm', timezone: 'Europe/Paris' },
    };
    const { decimalMarks, summary } = await eventsOf(file, use);
    expect(decimalMarks.map((choice) => choice.mark)).toEqual(['comma']);
    expect(summary.ok && summary.summary.invalidRows).toBe(0);
  });

  it('decides from the whole column, past the sample rows', async () => {
    const dir = await tempDir();
    const lines = ['event;at;customer;amount;seats'];
    for (let i = 0; i < 500; i += 1) {
      // 1.234 alone could be either; row 402's 12,5 says the column writes a decimal comma.
      const amount = i === 400 ? '12,5' : '1.234';
      lines.push(`signup;2026-01-01T00:00:00Z;cus_${i};${amount};${i}`);
    }
    const file = path.join(dir, 'late.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const use: Mapping = {
      version: 1,
      name: { column: 'event' },
      timestamp: { column: 'at' },
      customer: { column: 'customer' },
      customerData: {
        amount: { column: 'amount', type: 'number' },
        seats: { column: 'seats', type: 'number' },
        pinned: { column: 'amount', type: 'number', decimal: 'point' },
      },
    };
    const opened = await prepareImport({ path: file, mapping: use, now: NOW });
    expect(opened.ok && opened.prepared.decimalMarks).toEqual([
      expect.objectContaining({ key: 'amount', mark: 'comma', automatic: true }),
      expect.objectContaining({ key: 'seats', mark: 'point', automatic: true }),
      {
        owner: 'customerData',
        key: 'pinned',
        column: 'amount',
        mark: 'point',
        automatic: false,
        description: 'Point (1,234.56)',
      },
    ]);

    // Validation confirms the first rows' marks in its own pass, and starts again once if the
    // whole column says otherwise, so every row is checked with the whole column's mark.
    let rowsSeen = 0;
    let restarts = 0;
    const validated = await validateFile({
      path: file,
      mapping: use,
      now: NOW,
      onRow: () => (rowsSeen += 1),
      onRestart: () => {
        restarts += 1;
        rowsSeen = 0;
      },
    });
    expect(restarts).toBe(1);
    expect(rowsSeen).toBe(500);
    // Only row 402, where "pinned" reads 12,5 with the point the mapping names.
    expect(validated.ok && validated.summary.invalidRows).toBe(1);
    expect(validated.ok && validated.summary.decimalMarks.map((c) => [c.key, c.mark])).toEqual([
      ['amount', 'comma'],
      ['seats', 'point'],
      ['pinned', 'point'],
    ]);
    expect(validated.ok && validated.summary.decimalMarks[0]?.description).toBe(
      'Automatic: comma (1 234,56), because of values like "12,5".',
    );
    const cells = ['signup', '2026-01-01T00:00:00Z', 'cus_1', '1.234', '3'];
    expect(opened.ok && opened.prepared.converter.convert(cells, 2).event?.data).toEqual({
      customer: { amount: 1234, seats: 3, pinned: 1.234 },
    });
  });
});
