import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { AppApi } from './ipc';
import { ipcChannels, ipcEvents, ipcRequests, splitIpcChannel } from './ipc';
import { keyStatusSchema } from './ipc-settings';

// docs/security.md item 1, structurally: walk every answer the contract allows (request responses
// and event payloads) and show that none has a place where the API key could travel. The
// behavioural half (every handler, a real key in the keychain) is in
// electron/main/ipc/ipc-no-secrets.test.ts.

/**
 * A field name that says it carries a secret. `trackerKey` is public (it is in every web page), and
 * a bare `key` is an attribute's name in the event builder, so neither counts.
 */
function namesASecret(name: string): boolean {
  const words = name.toLowerCase().replace(/[-_\s]/g, '');
  return /apikey|customerscorekey|secret|passw|passphrase|token|credential|privatekey/.test(words);
}

interface Finding {
  path: string;
  problem: string;
}

/**
 * Every place in `schema` where a value can sit, with the field name leading to it, and the places
 * that let anything through (`any`, `unknown`, custom checks, transforms): a schema that accepts
 * anything cannot be shown to keep the key out.
 */
function inspect(schema: z.ZodType, path: string, findings: Finding[], seen: Set<unknown>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const child = (value: unknown, where: string) => {
    if (value instanceof z.ZodType) inspect(value, where, findings, seen);
  };
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      for (const [name, field] of Object.entries(shape)) {
        if (namesASecret(name)) findings.push({ path: `${path}.${name}`, problem: 'secret name' });
        child(field, `${path}.${name}`);
      }
      child(def['catchall'], `${path}.*`);
      return;
    }
    case 'array':
      return child(def['element'], `${path}[]`);
    case 'tuple':
      (def['items'] as z.ZodType[]).forEach((item, index) => child(item, `${path}[${index}]`));
      return child(def['rest'], `${path}[]`);
    case 'union':
      (def['options'] as z.ZodType[]).forEach((option) => child(option, path));
      return;
    case 'intersection':
      child(def['left'], path);
      return child(def['right'], path);
    case 'record':
    case 'map':
      return child(def['valueType'], `${path}.*`);
    case 'set':
      return child(def['valueType'], `${path}[]`);
    case 'pipe': {
      // What leaves is what the last stage answers. When that stage is a transform, it can only
      // reshape what the first stage let through (`.transform` after a checked object), so that
      // is what is inspected; a preprocess step only feeds the last stage.
      const out = def['out'] as z.ZodType;
      const reshapes = (out._zod.def as { type: string }).type === 'transform';
      return child(reshapes ? def['in'] : out, path);
    }
    case 'lazy':
      return child((def['getter'] as () => z.ZodType)(), path);
    case 'optional':
    case 'nullable':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'success':
    case 'promise':
      return child(def['innerType'], path);
    case 'any':
    case 'unknown':
    case 'custom':
    case 'transform':
      findings.push({ path, problem: `lets anything through (${def.type})` });
      return;
    default:
      return;
  }
}

function findingsOf(schema: z.ZodType, root: string): Finding[] {
  const findings: Finding[] = [];
  inspect(schema, root, findings, new Set());
  return findings;
}

describe('no answer of the IPC contract can carry the API key', () => {
  it.each(ipcChannels)('%s answers no secret-named field and nothing open-ended', (channel) => {
    expect(findingsOf(ipcRequests[channel].response, channel)).toEqual([]);
  });

  it.each(Object.keys(ipcEvents))('event %s carries no secret-named field', (channel) => {
    const schema = (ipcEvents as Record<string, z.ZodType>)[channel];
    expect(schema && findingsOf(schema, channel)).toEqual([]);
  });

  it('finds the places a key could hide, so the checks above are not vacuous', () => {
    const leaky = z.object({
      profile: z.object({ name: z.string(), apiKey: z.string() }),
      rows: z.array(z.object({ secret: z.string().optional() })),
      extra: z.unknown(),
      shown: z.transform((text: string) => text.length),
      reshaped: z.object({ secret: z.string() }).transform(({ secret }) => ({ hint: secret })),
      kept: z.preprocess((value) => value, z.object({ privateKey: z.string() })),
      cells: z.record(z.string(), z.any()),
      trackerKey: z.string(),
    });
    expect(findingsOf(leaky, 'leaky')).toEqual([
      { path: 'leaky.profile.apiKey', problem: 'secret name' },
      { path: 'leaky.rows[].secret', problem: 'secret name' },
      { path: 'leaky.extra', problem: 'lets anything through (unknown)' },
      { path: 'leaky.shown', problem: 'lets anything through (transform)' },
      { path: 'leaky.reshaped.secret', problem: 'secret name' },
      { path: 'leaky.kept.privateKey', problem: 'secret name' },
      { path: 'leaky.cells.*', problem: 'lets anything through (any)' },
    ]);
  });

  it('offers the renderer only set, delete and status for keys', () => {
    const keyChannels = ipcChannels.filter(
      (channel) => splitIpcChannel(channel).domain === 'secrets',
    );
    expect(keyChannels.sort()).toEqual(['secrets:delete', 'secrets:set', 'secrets:status']);
    expectTypeOf<keyof AppApi['secrets']>().toEqualTypeOf<'set' | 'delete' | 'status'>();
  });

  it('lets a key status carry at most the last 4 characters', () => {
    expect(keyStatusSchema.safeParse({ state: 'set', last4: '1234' }).success).toBe(true);
    expect(keyStatusSchema.safeParse({ state: 'set', last4: 'csk_live_1234' }).success).toBe(false);
    expect(keyStatusSchema.parse({ state: 'notSet', key: 'csk_live_1234' })).toEqual({
      state: 'notSet',
    });
  });
});
