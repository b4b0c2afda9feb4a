import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseEventPayload } from './emit-event';

const schemas = { 'import:job': z.strictObject({ jobId: z.string() }) };

describe('parseEventPayload', () => {
  it('passes a payload that fits its channel, with fields outside the contract refused', () => {
    expect(parseEventPayload('import:job', { jobId: 'j1' }, schemas)).toEqual({ jobId: 'j1' });
    expect(() => parseEventPayload('import:job', { jobId: 'j1', apiKey: 'x' }, schemas)).toThrow(
      /does not match the contract/,
    );
  });

  it('refuses a channel that is not in the contract', () => {
    expect(() => parseEventPayload('secrets:leak', {}, schemas)).toThrow(/not an event channel/);
    expect(() => parseEventPayload('toString', {}, schemas)).toThrow(/not an event channel/);
  });
});
