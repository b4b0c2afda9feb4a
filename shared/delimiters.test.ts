import { describe, expect, it } from 'vitest';
import {
  DELIMITERS,
  delimiterChoiceSchema,
  delimiterChoicesText,
  delimiterInSentence,
  delimiterLabel,
  delimiterSchema,
  isDelimiter,
} from './delimiters';

describe('delimiters', () => {
  it('reads comma, semicolon, tab and vertical bar, and a mapping may also say auto', () => {
    expect(DELIMITERS).toEqual([',', ';', '\t', '|']);
    expect(delimiterSchema.options).toEqual([...DELIMITERS]);
    expect(delimiterChoiceSchema.options).toEqual(['auto', ...DELIMITERS]);
    expect(isDelimiter(';')).toBe(true);
    expect(isDelimiter('auto')).toBe(false);
    expect(isDelimiter(':')).toBe(false);
  });

  it('names each one for the list and inside sentences', () => {
    expect(DELIMITERS.map(delimiterLabel)).toEqual([
      'Comma ( , )',
      'Semicolon ( ; )',
      'Tab',
      'Vertical bar ( | )',
    ]);
    expect(DELIMITERS.map(delimiterInSentence)).toEqual([
      'comma',
      'semicolon',
      'tab',
      'vertical bar (|)',
    ]);
    expect(delimiterInSentence(':')).toBe('":"');
  });

  it('lists the choices the way the messages quote them', () => {
    expect(delimiterChoicesText()).toBe('"auto", ",", ";", "\\t" (tab) or "|"');
  });
});
