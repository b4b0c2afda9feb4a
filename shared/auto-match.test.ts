import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attributeKeyFor,
  autoMatch,
  guessAttributeType,
  headerSimilarity,
  normalizeHeaderName,
} from './auto-match';

describe('normalizeHeaderName', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeHeaderName(' E-Mail ')).toBe('email');
    expect(normalizeHeaderName('occurred_at')).toBe('occurredat');
    expect(normalizeHeaderName('Occurred At')).toBe('occurredat');
    expect(normalizeHeaderName('Aktivität')).toBe('aktivitat');
    expect(normalizeHeaderName('Straße')).toBe('strasse');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        const once = normalizeHeaderName(name);
        expect(normalizeHeaderName(once)).toBe(once);
      }),
    );
  });
});

describe('autoMatch', () => {
  it('matches a typical export by its header names', () => {
    const result = autoMatch(['event_name', 'occurred_at', 'customer_id', 'contact_id']);
    expect(result.fields).toEqual({
      name: 'event_name',
      timestamp: 'occurred_at',
      customer: 'customer_id',
      contact: 'contact_id',
    });
  });

  it('understands common synonyms in English and German', () => {
    const result = autoMatch(['Kunde', 'User ID', 'Occurred At', 'Aktion', 'E-mail']);
    expect(result.fields).toEqual({
      customer: 'Kunde',
      contact: 'User ID',
      timestamp: 'Occurred At',
      name: 'Aktion',
    });
    expect(result.contactData).toEqual([{ column: 'E-mail', key: 'email', type: 'string' }]);
  });

  it('prefers the closer synonym when two columns could fit', () => {
    const result = autoMatch(['created_at', 'timestamp', 'account', 'customer_id']);
    expect(result.fields.timestamp).toBe('timestamp');
    expect(result.fields.customer).toBe('customer_id');
  });

  it('uses each column for one field only', () => {
    const result = autoMatch(['event', 'date']);
    expect(result.fields).toEqual({ name: 'event', timestamp: 'date' });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('id', 'user', 'event', 'time', 'Kunde', 'x')), (h) => {
        const used = Object.values(autoMatch(h).fields);
        expect(new Set(used).size).toBe(used.length);
      }),
    );
  });

  it('leaves a field open when no column fits', () => {
    expect(autoMatch(['foo', 'bar']).fields).toEqual({});
  });

  it('proposes contact attributes only when there is a contact column', () => {
    expect(autoMatch(['customer', 'email']).contactData).toEqual([]);
    const withPlan = autoMatch(['customer', 'Plan', 'MRR'], [['c1', 'Pro', '49.5']]);
    expect(withPlan.customerData).toEqual([
      { column: 'Plan', key: 'plan', type: 'string' },
      { column: 'MRR', key: 'mrr', type: 'number' },
    ]);
  });
});

describe('attributeKeyFor', () => {
  it('turns a header into a lower snake case key', () => {
    expect(attributeKeyFor('Plan Name')).toBe('plan_name');
    expect(attributeKeyFor('planName')).toBe('plan_name');
    expect(attributeKeyFor(' MRR (€) ')).toBe('mrr');
    expect(attributeKeyFor('***', 3)).toBe('column_4');
  });
});

describe('guessAttributeType', () => {
  it('reads numbers, yes/no values and text', () => {
    expect(guessAttributeType(['1', '2.5', ''])).toBe('number');
    expect(guessAttributeType(['yes', 'No'])).toBe('boolean');
    expect(guessAttributeType(['Pro', '1'])).toBe('string');
    expect(guessAttributeType([])).toBe('string');
  });

  it('reads amounts and yes/no words of Czech, German and French exports', () => {
    expect(guessAttributeType(['1 234,56', '12,5', '0,99'])).toBe('number');
    expect(guessAttributeType(['-1.234,56', '2.500,00'])).toBe('number');
    expect(guessAttributeType(['ano', 'ne'])).toBe('boolean');
    expect(guessAttributeType(['ja', 'nein', 'JA'])).toBe('boolean');
    expect(guessAttributeType(['oui', 'non', 'Oui'])).toBe('boolean');
    expect(guessAttributeType(['12,5', '1.5'])).toBe('string');
  });

  it('keeps identifiers with leading zeros as text', () => {
    expect(guessAttributeType(['00123', '00456'])).toBe('string');
  });
});

describe('headerSimilarity', () => {
  it('is 1 for the same columns written differently and 0 for unrelated ones', () => {
    expect(headerSimilarity(['Customer ID', 'Event'], ['customer_id', 'event'])).toBe(1);
    expect(headerSimilarity(['a', 'b'], ['c', 'd'])).toBe(0);
    expect(headerSimilarity(['a', 'b', 'c', 'd'], ['a', 'b', 'c'])).toBe(0.75);
  });
});
