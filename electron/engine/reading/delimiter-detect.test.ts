import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIMITERS } from '../../../shared/delimiters';
import { detectDelimiter, detectLineEnding } from './delimiter-detect';

describe('detectLineEnding', () => {
  it.each([
    ['a,b\n1,2\n', '\n'],
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\r1,2\r', '\r'],
    ['a,b\n1,2\r\n3,4\n', '\n'],
    ['a,b', '\n'],
  ] as const)('reads %j as %j', (text, ending) => {
    expect(detectLineEnding(text)).toBe(ending);
  });

  it('ignores line breaks inside quoted values', () => {
    expect(detectLineEnding('a,"x\ny"\r1,2\r')).toBe('\r');
    expect(detectLineEnding('a,"say ""hi""\r\n"\n1,2\n')).toBe('\n');
  });

  it('does not take a quote inside a value as the start of a quoted value', () => {
    expect(detectLineEnding('size,name\r\n5" disk,a\r\n7,b\r\n')).toBe('\r\n');
  });
});

describe('detectDelimiter', () => {
  it('prefers semicolons when commas are decimal separators', () => {
    const text = 'Kunde;Betrag;Rabatt\nMüller;12,50;0,5\nSchmidt;3,00;1,25\n';
    expect(detectDelimiter(text, '\n', 1, true)).toBe(';');
  });

  it('respects quotes', () => {
    const text = 'id,note\n1,"a; b; c"\n2,"x | y | z"\n3,plain\n';
    expect(detectDelimiter(text, '\n', 1, true)).toBe(',');
  });

  it('looks past title lines', () => {
    const text = 'Export of 2024; all rows\n\nid\tname\temail\n1\tAnn\ta@x.com\n2\tBob\tb@x.com\n';
    expect(detectDelimiter(text, '\n', 1, true)).toBe('\t');
  });

  it('finds none in a one-column file', () => {
    expect(detectDelimiter('email\na@x.com\nb@x.com\n', '\n', 1, true)).toBeNull();
  });

  it('finds the delimiter a regular table was written with', () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9 .@-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIMITERS),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 20 }),
        fc.infiniteStream(cell),
        (delimiter, columns, rows, cells) => {
          const lines = Array.from({ length: rows + 1 }, () =>
            Array.from({ length: columns }, () => cells.next().value).join(delimiter),
          );
          expect(detectDelimiter(lines.join('\n'), '\n', 1, true)).toBe(delimiter);
        },
      ),
    );
  });
});
