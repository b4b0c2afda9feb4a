import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, contentToValue } from './builder-check';
import { contentFromValue } from './builder-from-json';
import type { EditorContent, EditorEvent } from './builder-model';
import { newAttribute, newEvent, toBuilderContent } from './builder-model';
import { checkJsonText } from './json-check';
import { locateJson } from './json-locate';
import { fromLocalInput, toLocalInput, utcText } from './timestamp-text';

function filled(overrides: Partial<EditorEvent> = {}): EditorContent {
  return {
    trackerKey: '',
    events: [{ ...newEvent(1712123456789), name: 'signup', customer: 'cus_1', ...overrides }],
  };
}

describe('checking the form', () => {
  it('builds the request exactly as typed, typed attributes included', () => {
    const plan = { ...newAttribute(), key: 'plan', value: 'pro' };
    const seats = { ...newAttribute('number'), key: 'seats', value: '3.5' };
    const trial = { ...newAttribute('boolean'), key: 'trial', value: 'false' };
    const { request, issues } = checkContent(
      filled({
        contact: 'con_1',
        customerAttributes: [plan, seats, newAttribute()],
        contactAttributes: [trial],
      }),
    );
    expect(issues).toEqual([]);
    expect(request).toEqual({
      events: [
        {
          name: 'signup',
          timestamp: 1712123456789,
          identification: { customer: 'cus_1', contact: 'con_1' },
          data: { customer: { plan: 'pro', seats: 3.5 }, contact: { trial: false } },
        },
      ],
    });
  });

  it('puts each problem on its field, in plain words, and sends nothing', () => {
    const unnamed = { ...newAttribute(), value: 'x' };
    const notNumber = { ...newAttribute('number'), key: 'mrr', value: 'lots' };
    const { request, issues } = checkContent({
      trackerKey: '',
      events: [{ ...newEvent(0), timestamp: '', customerAttributes: [unnamed, notNumber] }],
    });
    expect(request).toBeNull();
    expect(issues).toEqual(
      expect.arrayContaining([
        { kind: 'field', event: 0, field: 'name', message: 'The event name is empty.' },
        { kind: 'field', event: 0, field: 'customer', message: 'The customer ID is empty.' },
        expect.objectContaining({
          kind: 'field',
          field: 'timestamp',
          message: expect.stringMatching(/empty/),
        }),
        expect.objectContaining({ kind: 'attribute', editor: 'customer', row: 0, part: 'key' }),
        expect.objectContaining({ kind: 'attribute', editor: 'customer', row: 1, part: 'value' }),
      ]),
    );
  });

  it('refuses two attributes with the same name', () => {
    const a = { ...newAttribute(), key: 'plan', value: 'a' };
    const b = { ...newAttribute(), key: 'plan', value: 'b' };
    const { issues } = checkContent(filled({ customerAttributes: [a, b] }));
    expect(issues).toEqual([expect.objectContaining({ kind: 'attribute', row: 1, part: 'key' })]);
  });

  it('refuses the attribute name "__proto__" in words instead of dropping it silently', () => {
    const odd = { ...newAttribute(), key: '__proto__', value: 'x' };
    const { request, issues } = checkContent(filled({ customerAttributes: [odd] }));
    expect(request).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({ row: 0, part: 'key', message: expect.stringMatching(/__proto__/) }),
    ]);
  });

  it('accepts {{now}} as the timestamp', () => {
    expect(checkContent(filled({ timestamp: '{{now}}' })).request?.events[0]?.timestamp).toBe(
      '{{now}}',
    );
  });
});

describe('form and JSON', () => {
  const attribute = fc.record({
    // Names like "0" are put first by every JSON object in JavaScript, so their order cannot hold.
    key: fc.string({ minLength: 1 }).filter((key) => key.trim() !== '' && !/^\d+$/.test(key)),
    type: fc.constantFrom('string' as const, 'number' as const, 'boolean' as const),
    n: fc.double({ noNaN: true, noDefaultInfinity: true }),
    text: fc.string(),
    flag: fc.boolean(),
  });
  const event = fc.record({
    name: fc.string(),
    timestamp: fc.oneof(fc.constant('{{now}}'), fc.integer().map(String)),
    customer: fc.string(),
    contact: fc.string(),
    customer_attrs: fc.uniqueArray(attribute, { selector: (item) => item.key, maxLength: 4 }),
  });

  it('keeps the data when switching to JSON and back', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 3 }), (events) => {
        const content: EditorContent = {
          trackerKey: '',
          events: events.map((item) => ({
            name: item.name,
            timestamp: item.timestamp,
            customer: item.customer,
            contact: item.contact,
            customerAttributes: item.customer_attrs.map((attr) => ({
              ...newAttribute(attr.type),
              key: attr.key,
              value:
                attr.type === 'number'
                  ? String(attr.n)
                  : attr.type === 'boolean'
                    ? String(attr.flag)
                    : attr.text,
            })),
            contactAttributes: [],
          })),
        };
        const json = JSON.stringify(contentToValue(content), null, 2);
        const back = contentFromValue(JSON.parse(json));
        if (!back.ok) throw new Error(back.message);
        expect(toBuilderContent(back.content)).toEqual(toBuilderContent(content));
      }),
    );
  });

  it('keeps in JSON what the form cannot show, and says why', () => {
    expect(contentFromValue({ events: [{ name: 'a', timestamp: '1712' }] })).toEqual({
      ok: false,
      message: expect.stringMatching(/^Event 1: the timestamp/),
    });
    expect(contentFromValue({ events: [{ name: 'a', extra: 1 }] })).toMatchObject({ ok: false });
    expect(contentFromValue({ events: [{ data: { customer: { a: { b: 1 } } } }] })).toMatchObject({
      ok: false,
    });
  });
});

describe('the JSON editor', () => {
  it('points at the line of a syntax mistake', () => {
    const text = '{\n  "events": [\n    { "name": "a" }\n    { "name": "b" }\n  ]\n}';
    expect(checkJsonText(text).issues).toEqual([
      { line: 4, message: 'A comma (,) or a closing ] is expected here. (column 5)' },
    ]);
  });

  it('points at the line of a field the API would refuse', () => {
    const text = [
      '{',
      '  "events": [',
      '    {',
      '      "name": "",',
      '      "timestamp": 1712123456789,',
      '      "identification": { "customer": "cus_1" }',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(checkJsonText(text).issues).toEqual([
      { line: 4, message: 'events[0].name: The event name is empty.' },
    ]);
  });

  it('takes several events in one request', () => {
    const one = { name: 'a', timestamp: 1, identification: { customer: 'c' } };
    const checked = checkJsonText(JSON.stringify({ events: [one, { ...one, name: 'b' }] }));
    expect(checked.request?.events.map((item) => item.name)).toEqual(['a', 'b']);
  });

  it('agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(locateJson(text).ok).toBe(valid && text.trim() !== '');
      }),
    );
  });
});

describe('the timestamp readout', () => {
  it('reads a picked local time back to the same milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(fromLocalInput(toLocalInput(ms, 'Europe/Berlin'), 'Europe/Berlin')).toBe(ms);
      }),
    );
  });

  it('shows UTC beside it', () => {
    expect(utcText(1712123456789)).toBe('2024-04-03 05:50:56.789 UTC');
    expect(fromLocalInput('2024-04-03T07:50', 'Europe/Berlin')).toBe(1712123400000);
    expect(fromLocalInput('yesterday')).toBeNull();
  });
});
