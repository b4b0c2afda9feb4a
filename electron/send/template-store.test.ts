import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuilderContent } from '../../shared/send-builder';
import { createSendTemplateStore, TEMPLATES_FILE } from './template-store';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'customerscore-templates-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const content = (name: string): BuilderContent => ({
  trackerKey: '',
  events: [
    {
      name,
      timestamp: '{{now}}',
      customer: '',
      contact: '',
      customerAttributes: [{ key: 'plan', type: 'string', value: 'pro' }],
      contactAttributes: [],
    },
  ],
});

describe('builder templates', () => {
  it('keeps half-filled content and loads it again after a restart', async () => {
    await createSendTemplateStore({ dataDir }).save('Daily check', content('ping'));
    const templates = await createSendTemplateStore({ dataDir }).list();
    expect(templates.map((item) => [item.name, item.content])).toEqual([
      ['Daily check', content('ping')],
    ]);
  });

  it('replaces a template saved again under the same name, whatever its case', async () => {
    const store = createSendTemplateStore({ dataDir });
    const first = await store.save('Daily check', content('one'));
    const second = await store.save('daily CHECK ', content('two'));
    expect(second).toMatchObject({ replaced: true, template: { id: first.template.id } });
    expect((await store.list()).map((item) => item.content.events[0]?.name)).toEqual(['two']);
  });

  it('lists by name and deletes by id', async () => {
    const store = createSendTemplateStore({ dataDir });
    await store.save('b', content('b'));
    const a = await store.save('A', content('a'));
    expect((await store.list()).map((item) => item.name)).toEqual(['A', 'b']);
    expect(await store.delete(a.template.id)).toBe(true);
    expect(await store.delete(a.template.id)).toBe(false);
    expect((await store.list()).map((item) => item.name)).toEqual(['b']);
  });

  it('reads a damaged file as empty and replaces it at the next save', async () => {
    await writeFile(path.join(dataDir, TEMPLATES_FILE), 'not json');
    const store = createSendTemplateStore({ dataDir });
    expect(await store.list()).toEqual([]);
    await store.save('New', content('x'));
    expect((await store.list()).map((item) => item.name)).toEqual(['New']);
  });
});
