import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from './zod-issue';

function errorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return result.error;
}

describe('describeZodError', () => {
  it('gives the first message alone when the whole value is wrong', () => {
    const name = z.string().min(1, 'Give it a name.');
    expect(describeZodError(errorOf(name, ''), 'fallback')).toBe('Give it a name.');
  });

  it('says where the first problem is inside an object', () => {
    const settings = z.object({
      profiles: z.array(z.object({ endpoint: z.string().startsWith('https://', 'Use https.') })),
    });
    const error = errorOf(settings, {
      profiles: [{ endpoint: 'https://a' }, { endpoint: 'http://b' }, { endpoint: 'ftp://c' }],
    });
    expect(describeZodError(error, 'fallback')).toBe('Use https. (at profiles.1.endpoint)');
    expect(describeZodError(error, 'fallback', { pathFirst: true })).toBe(
      'profiles.1.endpoint: Use https.',
    );
    const count = z.object({ rows: z.int() });
    expect(describeZodError(errorOf(count, { rows: 'x' }), 'fallback')).toMatch(
      /^Invalid input: expected number, received string \(at rows\)$/,
    );
  });

  it('falls back when zod gave no issue', () => {
    expect(describeZodError(new z.ZodError([]), 'The settings are not valid.')).toBe(
      'The settings are not valid.',
    );
  });
});
