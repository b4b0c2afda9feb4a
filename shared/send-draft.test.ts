import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackRequestSchema } from './api';
import { draftRequestSchema, expandDraft, expandText, hasPlaceholder } from './send-draft';

const values = (now = 1712123456789) => {
  let n = 0;
  return { now, uuid: () => `uuid-${(n += 1)}` };
};

const event = {
  name: 'signup',
  timestamp: 1712123456789,
  identification: { customer: 'cus_1' },
};

describe('the draft request', () => {
  it('accepts {{now}} as timestamp, and only that text', () => {
    expect(
      draftRequestSchema.safeParse({ events: [{ ...event, timestamp: '{{now}}' }] }).success,
    ).toBe(true);
    const wrong = draftRequestSchema.safeParse({ events: [{ ...event, timestamp: 'now' }] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toMatch(/Unix milliseconds/);
  });

  it('refuses an empty request and more than 100 events, in words', () => {
    expect(draftRequestSchema.safeParse({ events: [] }).error?.issues[0]?.message).toBe(
      'A request needs at least one event.',
    );
    const many = Array.from({ length: 101 }, () => event);
    expect(draftRequestSchema.safeParse({ events: many }).success).toBe(false);
  });

  it('refuses fields the API does not document', () => {
    expect(draftRequestSchema.safeParse({ events: [{ ...event, extra: 1 }] }).success).toBe(false);
    expect(draftRequestSchema.safeParse({ events: [event], apiKey: 'x' }).success).toBe(false);
  });
});

describe('placeholders', () => {
  it('fills {{now}} with the moment of sending and gives every {{uuid}} its own value', () => {
    const body = expandDraft(
      {
        events: [
          {
            name: 'run {{uuid}}',
            timestamp: '{{now}}',
            identification: { customer: '{{uuid}}', contact: 'c-{{now}}' },
            data: { customer: { seen: '{{now}}', n: 3, ok: true }, contact: { id: '{{uuid}}' } },
          },
        ],
      },
      'CS-TEST1',
      values(42),
    );
    expect(body).toEqual({
      trackerKey: 'CS-TEST1',
      events: [
        {
          name: 'run uuid-1',
          timestamp: 42,
          identification: { customer: 'uuid-2', contact: 'c-42' },
          data: { customer: { seen: '42', n: 3, ok: true }, contact: { id: 'uuid-3' } },
        },
      ],
    });
    expect(trackRequestSchema.safeParse(body).success).toBe(true);
  });

  it('keeps the draft tracker key over the profile one', () => {
    expect(
      expandDraft({ trackerKey: 'CS-OTHER', events: [event] }, 'CS-TEST1', values()).trackerKey,
    ).toBe('CS-OTHER');
  });

  it('leaves text without placeholders exactly as it is', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!hasPlaceholder(text));
        expect(expandText(text, values())).toBe(text);
      }),
    );
  });

  it('leaves no placeholder behind', () => {
    const piece = fc.oneof(fc.constant('{{now}}'), fc.constant('{{uuid}}'), fc.string());
    fc.assert(
      fc.property(fc.array(piece), (pieces) => {
        expect(hasPlaceholder(expandText(pieces.join(''), values()))).toBe(false);
      }),
    );
  });
});
