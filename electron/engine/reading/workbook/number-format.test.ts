import { describe, expect, it } from 'vitest';
import { builtInDateShape, customDateShape, dateShapeOf } from './number-format';

describe('builtInDateShape', () => {
  it('knows the built-in date, time and date-time ids of ECMA-376 and the localised editions', () => {
    for (const id of [14, 15, 16, 17, 27, 31, 36, 50, 54, 57, 58]) {
      expect(builtInDateShape(id), `id ${id}`).toBe('date');
    }
    for (const id of [18, 19, 20, 21, 32, 35, 45, 46, 47, 55, 56]) {
      expect(builtInDateShape(id), `id ${id}`).toBe('time');
    }
    expect(builtInDateShape(22)).toBe('datetime');
  });

  it('leaves number formats alone', () => {
    for (const id of [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164]) {
      expect(builtInDateShape(id), `id ${id}`).toBeNull();
    }
  });
});

describe('customDateShape', () => {
  it.each([
    ['dd.mm.yyyy hh:mm', 'datetime'],
    ['d\\.m\\.yyyy\\ h:mm', 'datetime'],
    ['d.m.yyyy h:mm', 'datetime'],
    ['d\\.m\\.yyyy', 'date'],
    ['yyyy-mm-dd', 'date'],
    ['mmm-yy', 'date'],
    ['mmmm', 'date'],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', 'date'],
    ['[$-405]d\\.\\ mmmm\\ yyyy', 'date'],
    ['[$-F400]h:mm:ss\\ AM/PM', 'time'],
    ['h:mm AM/PM', 'time'],
    ['mm:ss', 'time'],
    ['[h]:mm:ss', 'time'],
    ['[mm]:ss', 'time'],
    ['hh:mm:ss.000', 'time'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['d.m.yyyy;@', 'date'],
  ] as const)('%s shows a %s', (code, shape) => {
    expect(customDateShape(code)).toBe(shape);
  });

  it.each([
    'General',
    '0.00',
    '#,##0.00\\ "Kč"',
    '#,##0.00" Kč"',
    '0.00\\ "dny"',
    '"day "0',
    '[Red]#,##0.00;[Blue]\\-#,##0.00',
    '[Red][<=100]0;[Blue][>100]0',
    '[$€-407]\\ #,##0.00',
    '0.00E+00',
    '0%',
    '@',
    '_-* #,##0\\ _K_č_-',
    '* #,##0',
    '# ?/?',
  ])('%s shows a number', (code) => {
    expect(customDateShape(code)).toBeNull();
  });
});

describe('dateShapeOf', () => {
  it('takes the workbook’s own code for an id over the built-in table', () => {
    expect(dateShapeOf(14, undefined)).toBe('date');
    expect(dateShapeOf(14, '0.00')).toBeNull();
    expect(dateShapeOf(164, 'dd.mm.yyyy hh:mm')).toBe('datetime');
    expect(dateShapeOf(164, undefined)).toBeNull();
  });
});
