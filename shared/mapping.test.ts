import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSettings, mappingSchema, parseMappingFile, serializeMapping } from './mapping';
import type { Mapping } from './mapping';

// The example of docs/architecture.md, "The mapping file (v1)".
const designExample = `{
  "version": 1,
  "source":    { "encoding": "auto", "delimiter": "auto", "headerRow": 1 },
  "name":      { "column": "event_name" },
  "timestamp": { "column": "occurred_at", "format": "auto", "timezone": "Europe/Berlin" },
  "customer":  { "column": "customer_id" },
  "contact":   { "column": "contact_id" },
  "customerData": { "plan": { "column": "Plan" }, "mrr": { "column": "MRR", "type": "number" } },
  "contactData":  { "email": { "column": "E-mail" } }
}`;

const minimal = {
  version: 1,
  name: { column: 'event_name' },
  timestamp: { column: 'occurred_at' },
  customer: { column: 'customer_id' },
};

function errorsOf(value: unknown): string[] {
  const result = parseMappingFile(typeof value === 'string' ? value : JSON.stringify(value));
  return result.ok ? [] : result.errors;
}

describe('parseMappingFile', () => {
  it('reads the documented example', () => {
    const result = parseMappingFile(designExample);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mapping.customer).toEqual({ column: 'customer_id' });
    expect(result.mapping.customerData?.['mrr']).toEqual({ column: 'MRR', type: 'number' });
    expect(result.mapping.timestamp).toEqual({
      column: 'occurred_at',
      format: 'auto',
      timezone: 'Europe/Berlin',
    });
  });

  it('reads fixed values, a tab delimiter and a file saved with a byte-order mark', () => {
    const mapping = {
      ...minimal,
      source: { delimiter: '\t', headerRow: 3 },
      name: { value: 'signup' },
      timestamp: { value: 1712123456789 },
      customerData: { vip: { value: true, type: 'boolean' }, tier: { value: 2 } },
    };
    const result = parseMappingFile(`\uFEFF${JSON.stringify(mapping)}`);
    expect(result).toEqual({ ok: true, mapping });
  });

  it('explains broken JSON with the line and column', () => {
    expect(
      errorsOf('{\n  "version": 1,\n  "name": { "column": "e" }\n  "customer": {}\n}'),
    ).toEqual([
      'The mapping file is not valid JSON (line 4, column 3). Check for a missing comma, quote or bracket.',
    ]);
    expect(errorsOf('   ')).toEqual(['The mapping file is empty.']);
  });

  it('suggests the field a typo meant, without also calling it missing', () => {
    const { customer, ...rest } = minimal;
    expect(errorsOf({ ...rest, custmer: customer })).toEqual([
      'Unknown field "custmer" in the mapping. Did you mean "customer"?',
    ]);
    expect(errorsOf({ ...minimal, timestamp: { colum: 'occurred_at' } })).toEqual([
      'Unknown field "colum" in timestamp. Did you mean "column"?',
    ]);
  });

  it('lists the known fields when an unknown one resembles none', () => {
    expect(errorsOf({ ...minimal, customer: { column: 'c', zzz: 1 } })).toEqual([
      'Unknown field "zzz" in customer. The fields there are "column" and "value".',
    ]);
  });

  it('says what a missing customer should look like', () => {
    const { customer: _, ...rest } = minimal;
    expect(errorsOf(rest)).toEqual([
      'The mapping has no "customer": say which column holds the customer ID, e.g. { "column": "customer_id" }.',
    ]);
  });

  it('lists every missing part of an empty object', () => {
    const errors = errorsOf({});
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe('The mapping has no "version": add "version": 1.');
    expect(errors.join(' ')).toContain('"name"');
    expect(errors.join(' ')).toContain('"timestamp"');
  });

  it('names a bad attribute type and where it is', () => {
    const mapping = { ...minimal, customerData: { mrr: { column: 'MRR', type: 'integer' } } };
    expect(errorsOf(mapping)).toEqual([
      '"integer" is not a type: use "string", "number" or "boolean" (at customerData.mrr).',
    ]);
  });

  it('reads the decimal mark of a number column, and only of one', () => {
    const comma = { column: 'Částka', type: 'number', decimal: 'comma' };
    const result = parseMappingFile(
      JSON.stringify({ ...minimal, customerData: { amount: comma } }),
    );
    expect(result.ok && result.mapping.customerData).toEqual({ amount: comma });
    expect(
      errorsOf({ ...minimal, customerData: { a: { column: 'A', decimal: 'comma' } } }),
    ).toEqual([
      '"decimal" is the decimal mark of a number column: it needs "column" and "type": "number" (at customerData.a.decimal).',
    ]);
    expect(
      errorsOf({ ...minimal, customerData: { a: { column: 'A', type: 'number', decimal: ',' } } }),
    ).toHaveLength(1);
  });

  it('refuses other versions', () => {
    expect(errorsOf({ ...minimal, version: 2 })).toEqual([
      'This mapping file is version 2; this app reads version 1.',
    ]);
    expect(errorsOf({ ...minimal, version: '1' })).toEqual(['"version" must be the number 1.']);
  });

  it('wants exactly one of column and value', () => {
    expect(errorsOf({ ...minimal, name: { column: 'e', value: 'signup' } })).toEqual([
      'Use either "column" or "value", not both (at name).',
    ]);
    expect(errorsOf({ ...minimal, customerData: { plan: { type: 'string' } } })).toEqual([
      'Say where the value comes from: { "column": "<header>" } reads a column, { "value": ... } gives a fixed value (at customerData.plan).',
    ]);
  });

  it('checks fixed values, zones, formats and file settings', () => {
    const errors = errorsOf({
      ...minimal,
      source: { delimiter: ':', headerRow: 0 },
      name: { value: '  ' },
      timestamp: { column: 'occurred_at', timezone: 'Europe/Berln', format: 'unix-ms' },
      customer: { column: 5 },
      customerData: { mrr: { value: 'abc', type: 'number' }, '': { column: 'x' } },
    });
    expect(errors).toEqual([
      '":" is not a delimiter: use "auto", ",", ";", "\\t" (tab) or "|" (at source).',
      '"headerRow" must be a whole number, 1 or more: the row that holds the column names (at source).',
      'The fixed value is blank (at name.value).',
      '"unix-ms" is not a timestamp format. Did you mean "unix_ms"? (at timestamp.format)',
      '"Europe/Berln" is not a time zone this computer knows: use an IANA name such as "Europe/Berlin" or "America/New_York" (at timestamp.timezone).',
      `"column" must be the column's header as text, e.g. "customer_id" (at customer).`,
      'The fixed value "abc" is not of type "number" (at customerData.mrr).',
      'An attribute name is empty (at customerData).',
    ]);
  });

  it('accepts keywords in any case and date patterns as the timestamp format', () => {
    for (const format of ['dd.MM.yyyy HH:mm', 'ISO8601', 'unix_s', "yyyy-MM-dd'T'HH:mm"]) {
      const mapping = { ...minimal, timestamp: { column: 't', format } };
      expect(parseMappingFile(JSON.stringify(mapping)).ok).toBe(true);
    }
  });

  it('explains a date pattern that cannot work', () => {
    const mapping = { ...minimal, timestamp: { column: 't', format: 'yyyy-mm-dd' } };
    const [error] = errorsOf(mapping);
    expect(error).toMatch(
      /^The date format "yyyy-mm-dd" is not understood\. .*MM.*\(at timestamp\.format\)\.$/,
    );
  });

  it('refuses contact attributes without a contact', () => {
    expect(errorsOf({ ...minimal, contactData: { email: { column: 'E-mail' } } })).toEqual([
      'Contact attributes need a contact ID: add "contact" (the column that holds the contact ID) or remove "contactData" (at contactData).',
    ]);
  });

  it('refuses "__proto__" as an attribute name', () => {
    const text = `{"version":1,"name":{"column":"e"},"timestamp":{"column":"t"},"customer":{"column":"c"},"customerData":{"__proto__":{"column":"x"}}}`;
    expect(errorsOf(text)).toEqual([
      'The attribute name "__proto__" is not allowed (at customerData).',
    ]);
  });

  it('never throws, and always explains a refusal', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify({ ...minimal, customerData: value })),
      fc.jsonValue().map((value) => JSON.stringify({ ...minimal, timestamp: value })),
    );
    fc.assert(
      fc.property(anything, (text) => {
        const result = parseMappingFile(text);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error).toMatch(/^\S.{8,}[.?)]$/s);
        }
      }),
    );
  });
});

const column = fc.string({ minLength: 1, maxLength: 12 });
const identifier = fc.oneof(
  column.map((name) => ({ column: name })),
  column.filter((text) => text.trim() !== '').map((value) => ({ value })),
);
const attribute = fc.oneof(
  fc.record(
    { column, type: fc.constantFrom('string', 'number', 'boolean') },
    { requiredKeys: ['column'] },
  ),
  fc.record(
    { column, type: fc.constant('number'), decimal: fc.constantFrom('point', 'comma') },
    { requiredKeys: ['column', 'type'] },
  ),
  fc.record({
    value: fc.oneof(
      fc.string(),
      // JSON writes -0 as 0, so a saved -0 cannot come back as -0.
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
      fc.boolean(),
    ),
  }),
);
const attributeName = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((key) => key !== '__proto__');
const validMapping: fc.Arbitrary<Mapping> = fc
  .record(
    {
      version: fc.constant(1 as const),
      source: fc.record(
        {
          encoding: fc.constantFrom('auto', 'utf-8', 'windows-1252'),
          delimiter: fc.constantFrom('auto', ',', ';', '\t', '|'),
          headerRow: fc.integer({ min: 1, max: 20 }),
          sheet: fc.constantFrom('Kontakty', 'List 1', 'Objednávky'),
        },
        { requiredKeys: [] },
      ),
      name: identifier,
      timestamp: fc.record(
        {
          column,
          format: fc.constantFrom('auto', 'iso8601', 'unix_ms', 'dd.MM.yyyy'),
          timezone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
        },
        { requiredKeys: ['column'] },
      ),
      customer: identifier,
      contact: identifier,
      customerData: fc.dictionary(attributeName, attribute, { maxKeys: 4 }),
      contactData: fc.dictionary(attributeName, attribute, { maxKeys: 4 }),
    },
    { requiredKeys: ['version', 'name', 'timestamp', 'customer'] },
  )
  .filter((mapping) => mapping.contactData === undefined || mapping.contact !== undefined)
  .map((mapping) => mappingSchema.parse(mapping));

describe('serializeMapping', () => {
  it('writes fields in a fixed order, whatever order they were given in', () => {
    const shuffled = mappingSchema.parse({
      customer: { column: 'customer_id' },
      timestamp: { timezone: 'UTC', format: 'auto', column: 'occurred_at' },
      name: { value: 'signup' },
      version: 1,
    });
    expect(serializeMapping(shuffled)).toBe(
      `{
  "version": 1,
  "name": {
    "value": "signup"
  },
  "timestamp": {
    "column": "occurred_at",
    "format": "auto",
    "timezone": "UTC"
  },
  "customer": {
    "column": "customer_id"
  }
}
`,
    );
  });

  it('writes the decimal mark after the type', () => {
    const mapping = mappingSchema.parse({
      ...minimal,
      customerData: { amount: { decimal: 'comma', type: 'number', column: 'Betrag' } },
    });
    expect(serializeMapping(mapping)).toContain(
      '"amount": {\n      "column": "Betrag",\n      "type": "number",\n      "decimal": "comma"\n    }',
    );
  });

  it('saves a file that reads back as the same mapping', () => {
    fc.assert(
      fc.property(validMapping, (mapping) => {
        expect(parseMappingFile(serializeMapping(mapping))).toEqual({ ok: true, mapping });
      }),
    );
  });
});

describe('fileSettings', () => {
  it('fills in detection and the first row for what the mapping leaves out', () => {
    const mapping = mappingSchema.parse({ ...minimal, source: { delimiter: ';' } });
    expect(fileSettings(mapping)).toEqual({ encoding: 'auto', delimiter: ';', headerRow: 1 });
  });
});
