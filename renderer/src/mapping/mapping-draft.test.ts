import { describe, expect, it } from 'vitest';
import { parseMappingFile, serializeMapping } from '../../../shared/mapping';
import {
  checkDraft,
  draftFromHeader,
  draftFromMapping,
  emptyDraft,
  unusedColumns,
  withAttributes,
} from './mapping-draft';

const header = ['Event', 'Occurred at', 'Kunde', 'User ID', 'E-mail', 'Plan', 'Seats'];
const samples = [['login', '2024-04-01T10:00:00Z', 'c1', 'u1', 'a@b.c', 'Pro', '5']];

describe('the mapping form', () => {
  it('starts from auto-match, with the guesses marked', () => {
    const { draft, guessed } = draftFromHeader(header, samples, 'Europe/Berlin');
    expect(draft.name).toEqual({ kind: 'column', column: 'Event' });
    expect(draft.customer).toEqual({ kind: 'column', column: 'Kunde' });
    expect(draft.contact).toEqual({ kind: 'column', column: 'User ID' });
    expect(guessed.has('timestamp')).toBe(true);
    expect(draft.contactData.map((a) => a.key)).toEqual(['email']);
  });

  it('adds every remaining column as attributes with keys and types', () => {
    const { draft } = draftFromHeader(header, samples, 'UTC');
    const unused = unusedColumns(draft, header);
    const next = withAttributes(draft, 'customer', unused, header, samples);
    expect(next.customerData.map((a) => [a.key, a.type])).toEqual([
      ['plan', 'string'],
      ['seats', 'number'],
    ]);
    expect(unusedColumns(next, header)).toEqual([]);
  });

  it('becomes a mapping file that reads back the same', () => {
    const { draft } = draftFromHeader(header, samples, 'Europe/Berlin');
    const checked = checkDraft(draft);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const reread = parseMappingFile(serializeMapping(checked.mapping));
    expect(reread).toEqual({ ok: true, mapping: checked.mapping });
    expect(checkDraft(draftFromMapping(checked.mapping))).toEqual(checked);
  });

  it('keeps a chosen decimal mark through a saved mapping, and leaves automatic out', () => {
    const { draft } = draftFromHeader(header, samples, 'Europe/Berlin');
    const bare = { ...draft, customerData: [], contactData: [] };
    const amounts = withAttributes(bare, 'customer', ['Seats', 'Plan'], header, samples);
    const [seats, plan] = amounts.customerData;
    expect([seats?.type, seats?.decimal]).toEqual(['number', 'auto']);
    const comma = {
      ...amounts,
      customerData: amounts.customerData.map((a) =>
        a.type === 'number'
          ? { ...a, decimal: 'comma' as const }
          : { ...a, decimal: 'point' as const },
      ),
    };
    const checked = checkDraft(comma);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    // A text attribute never carries a mark, whatever the form held for it.
    expect(checked.mapping.customerData).toEqual({
      seats: { column: 'Seats', type: 'number', decimal: 'comma' },
      plan: { column: 'Plan' },
    });
    const reread = parseMappingFile(serializeMapping(checked.mapping));
    expect(
      reread.ok && draftFromMapping(reread.mapping).customerData.map((a) => a.decimal),
    ).toEqual(['comma', 'auto']);
    const automatic = checkDraft(amounts);
    expect(automatic.ok && automatic.mapping.customerData?.['seats']).toEqual({
      column: 'Seats',
      type: 'number',
    });
    expect(plan?.key).toBe('plan');
  });

  it('says what is missing in words, field by field', () => {
    const draft = { ...emptyDraft('UTC'), timezone: 'Mars/Olympus' };
    const checked = checkDraft(draft);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.field)).toEqual(['name', 'timestamp', 'customer']);

    const named = {
      ...draft,
      name: { kind: 'value' as const, value: 'signup' },
      timestamp: { kind: 'column' as const, column: 'Occurred at' },
      customer: { kind: 'column' as const, column: 'Kunde' },
    };
    const zone = checkDraft(named);
    expect(zone.ok || zone.problems[0]?.message).toMatch(/Mars\/Olympus.*time zone/);
  });

  it('refuses an attribute key used twice and contact attributes without a contact', () => {
    const { draft } = draftFromHeader(header, samples, 'UTC');
    const twice = withAttributes(draft, 'contact', ['Plan'], header, samples);
    const second = twice.contactData[1];
    if (!second) throw new Error('The attribute was not added.');
    twice.contactData[1] = { ...second, key: 'email' };
    const checked = checkDraft({ ...twice, contact: { kind: 'none' } });
    expect(checked.ok ? [] : checked.problems.map((p) => p.message)).toEqual([
      'The key "email" is used twice.',
      'Contact attributes need a contact ID: choose the column that holds it, or remove them.',
    ]);
  });
});
