import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BUILDER_LIMITS, sameTemplateName, sendTemplateSchema } from '../../shared/send-builder';
import type { BuilderContent, SendTemplate } from '../../shared/send-builder';
import { UserError } from '../../shared/user-error';
import { writeFileAtomic } from '../store/atomic-write';
import { createSerialQueue } from '../store/serial-queue';

/** The templates file inside the data directory. */
export const TEMPLATES_FILE = 'send-templates.json';

const templatesFileSchema = z.strictObject({
  version: z.literal(1),
  templates: z.array(z.unknown()),
});

export interface SavedTemplate {
  template: SendTemplate;
  /** True when a template of the same name was replaced. */
  replaced: boolean;
}

export interface SendTemplateStore {
  /** Sorted by name. */
  list(): Promise<SendTemplate[]>;
  /** Saves `content` under `name`, replacing a template of the same name (ignoring case). */
  save(name: string, content: BuilderContent): Promise<SavedTemplate>;
  delete(id: string): Promise<boolean>;
}

export interface SendTemplateStoreOptions {
  dataDir: string;
  now?: () => number;
}

/** Thrown when the templates file cannot take another template. */
export class TemplateLimitError extends UserError {
  override readonly name = 'TemplateLimitError';

  constructor(message: string) {
    super('refused', message);
  }
}

/**
 * The builder's templates, in `<dataDir>/send-templates.json`, replaced atomically on each change.
 * A template that no longer parses is skipped rather than failing the whole list; an unreadable
 * file reads as empty and is replaced at the next save.
 */
export function createSendTemplateStore(options: SendTemplateStoreOptions): SendTemplateStore {
  const filePath = path.join(options.dataDir, TEMPLATES_FILE);
  const now = options.now ?? Date.now;
  const serialized = createSerialQueue();

  async function read(): Promise<SendTemplate[]> {
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    let file: z.infer<typeof templatesFileSchema>;
    try {
      file = templatesFileSchema.parse(JSON.parse(text));
    } catch {
      return [];
    }
    return file.templates.flatMap((item) => {
      const parsed = sendTemplateSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  const write = (templates: SendTemplate[]) =>
    writeFileAtomic(filePath, `${JSON.stringify({ version: 1, templates }, null, 2)}\n`);

  const byName = (a: SendTemplate, b: SendTemplate) =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

  return {
    list: () => serialized(async () => (await read()).sort(byName)),

    save: (name, content) =>
      serialized(async () => {
        const templates = await read();
        const existing = templates.find((item) => sameTemplateName(item.name, name));
        if (!existing && templates.length >= BUILDER_LIMITS.templates) {
          throw new TemplateLimitError(
            `There are already ${BUILDER_LIMITS.templates} templates: delete one you no longer need first.`,
          );
        }
        const template = sendTemplateSchema.parse({
          id: existing?.id ?? randomBytes(8).toString('hex'),
          name,
          savedAt: now(),
          content,
        });
        const others = templates.filter((item) => item !== existing);
        await write([...others, template].sort(byName));
        return { template, replaced: existing !== undefined };
      }),

    delete: (id) =>
      serialized(async () => {
        const templates = await read();
        const rest = templates.filter((item) => item.id !== id);
        if (rest.length === templates.length) return false;
        await write(rest);
        return true;
      }),
  };
}
