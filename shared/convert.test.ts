import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackEventSchema } from './api';
import { convertRow, prepareConversion } from './convert';
import type { ConversionOptions, RowConverter } from './convert';
import { mappingSchema } from './mapping';
import type { Mapping } from './mapping';

// Only simple timestamps here (ISO with Z, Unix milliseconds): the formats themselves are tested
// beside shared/timestamps.ts.
const NOW = Date.UTC(2024, 5, 1);
const ISO = '2024-04-03T05:50:56Z';
const ISO_MS = Date.UTC(2024, 3, 3, 5, 50, 56);
const options: ConversionOptions = { now: NOW, zone: 'UTC', timestampSamples: [ISO] };

const header = [
  'event_name',
  'occurred_at',
  'customer_id',
  'contact_id',
  'Plan',
  'MRR',
  'Active',
  'E-mail',
];
const mapping = mappingSchema.parse({
  version: 1,
  name: { column: 'event_name' },
  timestamp: { column: 'occurred_at', format: 'iso8601' },
  customer: { column: 'customer_id' },
  contact: { column: 'contact_id' },
  customerData: {
    plan: { column: 'Plan' },
    mrr: { column: 'MRR', type: 'number' },
    active: { column: 'Active', type: 'boolean' },
  },
  contactData: { email: { column: 'E-mail' } },
});

function row(values: Partial<Record<(typeof header)[number], string>>): string[] {
  return header.map((name) => values[name] ?? '');
}

const full = {
  event_name: 'signup',
  occurred_at: ISO,
  customer_id: 'cus_1',
  contact_id: 'con_1',
  Plan: 'Pro plan',
  MRR: '49.5',
  Active: 'yes',
  'E-mail': 'ann@example.com',
};

function convert(cells: readonly string[], rowNumber = 2, use: Mapping = mapping) {
  const prepared = prepareConversion(header, use, options);
  if (!prepared.ok) throw new Error(prepared.issues.map((issue) => issue.message).join(' '));
  return prepared.converter.convert(cells, rowNumber);
}

describe('converting a row', () => {
  it('builds the documented event from a complete row', () => {
    expect(convert(row(full))).toEqual({
      event: {
        name: 'signup',
        timestamp: ISO_MS,
        identification: { customer: 'cus_1', contact: 'con_1' },
        data: {
          customer: { plan: 'Pro plan', mrr: 49.5, active: true },
          contact: { email: 'ann@example.com' },
        },
      },
      issues: [],
    });
  });

  it('trims identifiers, names and text attributes but keeps their inner spaces', () => {
    const { event } = convert(
      row({
        ...full,
        event_name: ' sign up ',
        customer_id: '\tcus 1 ',
        contact_id: ' con_1',
        Plan: '  Pro  plan ',
      }),
    );
    expect(event?.name).toBe('sign up');
    expect(event?.identification).toEqual({ customer: 'cus 1', contact: 'con_1' });
    expect(event?.data?.customer?.['plan']).toBe('Pro  plan');
  });

  it.each([
    ['event_name', 'Event name is empty (column "event_name").'],
    ['customer_id', 'Customer ID is empty (column "customer_id").'],
    ['occurred_at', 'Timestamp is empty (column "occurred_at").'],
  ])('refuses a row whose %s is blank, naming the column', (column, message) => {
    expect(convert(row({ ...full, [column]: '   ' }), 7)).toEqual({
      event: null,
      issues: [{ row: 7, column, kind: 'missing_value', severity: 'error', message }],
    });
  });

  it('reports every problem of a row at once', () => {
    const result = convert(row({ ...full, event_name: '', MRR: '12,5,3', Active: 'maybe' }), 9);
    expect(result.event).toBeNull();
    expect(result.issues.map((issue) => [issue.kind, issue.column])).toEqual([
      ['missing_value', 'event_name'],
      ['invalid_number', 'MRR'],
      ['invalid_boolean', 'Active'],
    ]);
    expect(result.issues[1]?.message).toBe(
      '"12,5,3" is not a number: use digits with a dot for decimals, e.g. 1234.5, 1,234.5 or -0.25 (column "MRR").',
    );
  });

  it('reads a number column with the decimal mark the mapping names', () => {
    const comma = mappingSchema.parse({
      ...mapping,
      customerData: { mrr: { column: 'MRR', type: 'number', decimal: 'comma' } },
    });
    expect(convert(row({ ...full, MRR: '1.234,5' }), 2, comma).event?.data?.customer).toEqual({
      mrr: 1234.5,
    });
    const point = convert(row({ ...full, MRR: '1,5' }), 4);
    expect(point.issues[0]?.message).toBe(
      '"1,5" is not a number: it is written with a decimal comma, so choose "Comma" as the decimal mark of the column (column "MRR").',
    );
  });

  it('decides a number column without a decimal mark from the sample rows', () => {
    const auto = (MRR: string, sample: string) =>
      prepareConversion(header, mapping, { ...options, sampleRows: [row({ MRR: sample })] });
    const german = auto('1.234', '12,5');
    expect(
      german.ok && german.converter.convert(row({ ...full, MRR: '1.234' }), 2).event?.data,
    ).toMatchObject({ customer: { mrr: 1234 } });
    const plain = auto('1.234', '1.234');
    expect(
      plain.ok && plain.converter.convert(row({ ...full, MRR: '1.234' }), 2).event?.data,
    ).toMatchObject({ customer: { mrr: 1.234 } });
  });

  it('sends a row without a contact ID as a customer-only event', () => {
    const result = convert(row({ ...full, contact_id: ' ', 'E-mail': '' }));
    expect(result.issues).toEqual([]);
    expect(result.event?.identification).toEqual({ customer: 'cus_1' });
    expect(result.event?.data).toEqual({ customer: { plan: 'Pro plan', mrr: 49.5, active: true } });
  });

  it('drops contact attributes of a row without a contact ID, with one warning', () => {
    const result = convert(row({ ...full, contact_id: '' }), 5);
    expect(result.event?.identification).toEqual({ customer: 'cus_1' });
    expect(result.event?.data?.contact).toBeUndefined();
    expect(result.issues).toEqual([
      {
        row: 5,
        column: 'contact_id',
        kind: 'contact_data_without_contact',
        severity: 'warning',
        message:
          'Contact attributes were left out because the contact ID is empty (column "contact_id").',
      },
    ]);
  });

  it('leaves blank attribute cells out and omits empty data', () => {
    const result = convert(row({ ...full, Plan: ' ', MRR: '', Active: '', 'E-mail': '' }));
    expect(result.issues).toEqual([]);
    expect(result.event).toEqual({
      name: 'signup',
      timestamp: ISO_MS,
      identification: { customer: 'cus_1', contact: 'con_1' },
    });
  });

  it('reports a timestamp it cannot read, naming the column', () => {
    const result = convert(row({ ...full, occurred_at: 'next tuesday' }), 4);
    expect(result.event).toBeNull();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      row: 4,
      column: 'occurred_at',
      kind: 'timestamp_unparsed',
    });
    expect(result.issues[0]?.message).toMatch(/\(column "occurred_at"\)\.$/);
  });

  it('treats missing cells of a short row as empty', () => {
    const result = convert(['signup', ISO, 'cus_1']);
    expect(result.event).toEqual({
      name: 'signup',
      timestamp: ISO_MS,
      identification: { customer: 'cus_1' },
    });
    const sparse: string[] = [];
    sparse[2] = 'cus_1';
    expect(convert(sparse).issues.map((issue) => issue.column)).toEqual([
      'event_name',
      'occurred_at',
    ]);
  });

  it('uses fixed values for every row', () => {
    const fixed = mappingSchema.parse({
      version: 1,
      name: { value: 'imported' },
      timestamp: { value: 1712123456789 },
      customer: { column: 'customer_id' },
      customerData: { source: { value: 'import' }, vip: { value: true }, tier: { value: 2 } },
    });
    expect(convert(row({ customer_id: 'cus_9' }), 2, fixed).event).toEqual({
      name: 'imported',
      timestamp: 1712123456789,
      identification: { customer: 'cus_9' },
      data: { customer: { source: 'import', vip: true, tier: 2 } },
    });
  });

  it('reads Unix milliseconds', () => {
    const unix = mappingSchema.parse({
      ...mapping,
      timestamp: { column: 'occurred_at', format: 'unix_ms' },
    });
    const prepared = prepareConversion(header, unix, { ...options, timestampSamples: [] });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const cells = row({ ...full, occurred_at: '1712123456789' });
    expect(prepared.converter.convert(cells, 2).event?.timestamp).toBe(1712123456789);
  });
});

describe('preparing a conversion', () => {
  it('refuses a mapping that names columns the file lacks, suggesting close ones', () => {
    const typo = mappingSchema.parse({ ...mapping, customer: { column: 'customerid' } });
    const result = prepareConversion(header, typo, options);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          field: 'customer',
          column: 'customerid',
          kind: 'unknown_column',
          message:
            'The mapping reads the customer ID from column "customerid", but the file has no such column. Did you mean "customer_id"?',
        },
      ],
    });
  });

  it('lists the file’s columns when nothing is close', () => {
    const wrong = mappingSchema.parse({ ...mapping, customerData: { x: { column: 'Revenue' } } });
    const result = prepareConversion(['a', 'b'], wrong, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.find((issue) => issue.field === 'customerData.x')?.message).toBe(
      'The mapping reads customer attribute "x" from column "Revenue", but the file has no such column. The file\'s columns are "a" and "b".',
    );
  });

  it('matches a header that differs only by invisible surrounding spaces', () => {
    const spaced = header.map((name) => (name === 'customer_id' ? ' customer_id ' : name));
    const prepared = prepareConversion(spaced, mapping, options);
    expect(prepared.ok).toBe(true);
    if (prepared.ok) {
      expect(prepared.converter.convert(row(full), 2).event?.identification.customer).toBe('cus_1');
    }
  });

  it('prefers the mapping’s time zone, then the caller’s', () => {
    const berlin = mappingSchema.parse({
      ...mapping,
      timestamp: { ...mapping.timestamp, timezone: 'Europe/Berlin' },
    });
    const prepared = prepareConversion(header, berlin, { ...options, zone: 'Asia/Tokyo' });
    expect(prepared.ok && prepared.converter.zone).toBe('Europe/Berlin');
    const fallback = prepareConversion(header, mapping, { ...options, zone: 'Asia/Tokyo' });
    expect(fallback.ok && fallback.converter.zone).toBe('Asia/Tokyo');
  });

  it('refuses an unknown time zone from the caller', () => {
    const result = prepareConversion(header, mapping, { ...options, zone: 'Mars/Olympus' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.kind).toBe('invalid_timezone');
  });

  it('reports a day/month order the samples cannot settle as a mapping problem', () => {
    const auto = mappingSchema.parse({ ...mapping, timestamp: { column: 'occurred_at' } });
    const samples = ['03/04/2024', '05/06/2024'];
    const result = prepareConversion(header, auto, { ...options, timestampSamples: samples });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({
        field: 'timestamp.format',
        column: 'occurred_at',
        kind: 'timestamp_day_month_unclear',
      });
    }
  });

  it('reports a fixed timestamp that cannot be read once, for the mapping', () => {
    const broken = mappingSchema.parse({
      ...mapping,
      timestamp: { value: 'soon', format: 'iso8601' },
    });
    const result = prepareConversion(header, broken, options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({
        field: 'timestamp.value',
        kind: 'timestamp_unparsed',
      });
    }
  });
});

describe('convertRow', () => {
  it('decides an auto format from the row itself and converts it', () => {
    const auto = mappingSchema.parse({ ...mapping, timestamp: { column: 'occurred_at' } });
    const result = convertRow(header, row(full), auto, { now: NOW, zone: 'UTC', rowNumber: 3 });
    expect(result.ok && result.event?.timestamp).toBe(ISO_MS);
  });

  it('returns the mapping’s problems instead of a row result', () => {
    const result = convertRow(['x'], ['y'], mapping, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.mappingIssues.map((issue) => issue.kind)).toContain('unknown_column');
  });
});

const headerArbitrary = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), {
  minLength: 3,
  maxLength: 8,
});
const cellArbitrary = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '  ', '1712123456789', '12.5', 'yes', ISO),
  fc.integer({ min: Date.UTC(2020, 0, 1), max: NOW }).map(String),
  // A JavaScript caller can hand over holes; the types say string, the converter must not care.
  fc.constant(undefined as unknown as string),
  fc.constant('x'.repeat(100_000)),
);

const scenario = headerArbitrary.chain((names) => {
  const columnOf = fc.constantFrom(...names);
  const source = fc.oneof(
    columnOf.map((column) => ({ column })),
    fc
      .string({ minLength: 1, maxLength: 5 })
      .filter((v) => v.trim() !== '')
      .map((value) => ({ value })),
  );
  const attribute = fc.record(
    { column: columnOf, type: fc.constantFrom('string', 'number', 'boolean') },
    { requiredKeys: ['column'] },
  );
  const attributes = fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), attribute, {
    maxKeys: 3,
  });
  const mappingArbitrary = fc
    .record(
      {
        version: fc.constant(1),
        name: source,
        timestamp: columnOf.map((column) => ({ column, format: 'unix_ms' })),
        customer: source,
        contact: source,
        customerData: attributes,
        contactData: attributes,
      },
      { requiredKeys: ['version', 'name', 'timestamp', 'customer', 'contact'] },
    )
    .map((value) => mappingSchema.parse(value));
  const cells = fc.array(cellArbitrary, { maxLength: names.length + 2 });
  return fc.tuple(
    fc.constant(names),
    mappingArbitrary,
    cells,
    fc.integer({ min: 2, max: 1_000_000 }),
  );
});

/** A generated scenario's converter: every generated mapping fits its header, or the run fails. */
function converterOf(names: readonly string[], use: Mapping): RowConverter {
  const prepared = prepareConversion(names, use, { now: NOW, zone: 'UTC' });
  if (!prepared.ok) {
    throw new Error(`The mapping does not fit: ${prepared.issues.map((i) => i.message).join(' ')}`);
  }
  return prepared.converter;
}

describe('conversion properties', () => {
  it('never throws, and gives an event exactly when no issue is an error', () => {
    fc.assert(
      fc.property(scenario, ([names, use, cells, rowNumber]) => {
        const prepared = prepareConversion(names, use, { now: NOW, zone: 'UTC' });
        expect(prepared.ok).toBe(true);
        if (!prepared.ok) return;
        const result = prepared.converter.convert(cells, rowNumber);
        const hasError = result.issues.some((issue) => issue.severity === 'error');
        expect(result.event === null).toBe(hasError);
        for (const issue of result.issues) expect(issue.row).toBe(rowNumber);
      }),
      { numRuns: 200 },
    );
  });

  it('checks a row exactly as it converts it (validation relies on that)', () => {
    fc.assert(
      fc.property(scenario, ([names, use, cells, rowNumber]) => {
        const converter = converterOf(names, use);
        const converted = converter.convert(cells, rowNumber);
        const checked = converter.check(cells, rowNumber);
        expect(checked).toEqual({ valid: converted.event !== null, issues: converted.issues });
      }),
      { numRuns: 200 },
    );
  });

  it('only produces events the Track API schema accepts', () => {
    fc.assert(
      fc.property(scenario, ([names, use, cells, rowNumber]) => {
        const { event } = converterOf(names, use).convert(cells, rowNumber);
        // Only runs that give an event count (about one in twenty); fast-check draws until it has
        // its 200, and fails if too few scenarios give one.
        fc.pre(event !== null);
        expect(trackEventSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
