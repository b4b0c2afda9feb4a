import { describe, expect, it } from 'vitest';
import { parseRate } from './parse-rate';

describe('parseRate', () => {
  it('reads requests per seconds', () => {
    expect(parseRate('200/60s')).toEqual({ requests: 200, perMs: 60_000 });
    expect(parseRate(' 20 / 1 s ')).toEqual({ requests: 20, perMs: 1000 });
  });

  it('refuses what a profile would refuse, in words', () => {
    expect(() => parseRate('0/60s')).toThrow(/At least 1 request/);
    expect(() => parseRate('200/99999s')).toThrow(/at most/);
    expect(() => parseRate('fast')).toThrow(/for example --rate 200\/60s/);
  });
});
