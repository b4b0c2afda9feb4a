import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { headerSimilarity } from '../../shared/auto-match';
import { findColumn } from '../../shared/columns';
import { mappingSchema, serializeMapping, type Mapping } from '../../shared/mapping';
import { writeFileAtomic } from '../store/atomic-write';
import { createSerialQueue } from '../store/serial-queue';

const FILE_NAME = 'import-mappings.json';
const KEEP = 20;
/** Share of column names two files must have in common for the last mapping to be offered. */
const SIMILAR = 0.8;

const entrySchema = z.object({
  header: z.array(z.string()),
  fileName: z.string(),
  usedAt: z.string(),
  mapping: z.unknown(),
});
const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });
type Entry = z.infer<typeof entrySchema>;

export interface RecentMappingStore {
  /** Remembers the mapping a file was sent (or validated) with. */
  remember(header: readonly string[], fileName: string, mapping: Mapping): Promise<void>;
  /** The most recent mapping used with a file of about the same columns, if every column it reads is here. */
  find(
    header: readonly string[],
  ): Promise<{ mapping: Mapping; fileName: string; usedAt: string } | null>;
}

/** Every column a mapping reads. */
function columnsOf(mapping: Mapping): string[] {
  const sources = [
    mapping.name,
    mapping.timestamp,
    mapping.customer,
    ...(mapping.contact ? [mapping.contact] : []),
    ...Object.values(mapping.customerData ?? {}),
    ...Object.values(mapping.contactData ?? {}),
  ];
  return sources.flatMap((source) => ('column' in source ? [source.column] : []));
}

/** The mappings used last, in `<dataDir>/import-mappings.json` (no secrets: columns and formats). */
export function createRecentMappingStore(dataDir: string): RecentMappingStore {
  const file = path.join(dataDir, FILE_NAME);
  const serialized = createSerialQueue();

  async function load(): Promise<Entry[]> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data.entries : [];
    } catch {
      return [];
    }
  }

  return {
    remember(header, fileName, mapping) {
      return serialized(async () => {
        const entries = (await load()).filter(
          (entry) => headerSimilarity(entry.header, header) < 1,
        );
        const saved: unknown = JSON.parse(serializeMapping(mapping));
        entries.unshift({
          header: [...header],
          fileName,
          usedAt: new Date().toISOString(),
          mapping: saved,
        });
        await writeFileAtomic(
          file,
          JSON.stringify({ version: 1, entries: entries.slice(0, KEEP) }, null, 2),
        );
      });
    },
    async find(header) {
      for (const entry of await load()) {
        if (headerSimilarity(entry.header, header) < SIMILAR) continue;
        const parsed = mappingSchema.safeParse(entry.mapping);
        if (!parsed.success) continue;
        const mapping: Mapping = { ...parsed.data };
        delete mapping.source;
        if (columnsOf(mapping).every((column) => findColumn(header, column) !== -1)) {
          return { mapping, fileName: entry.fileName, usedAt: entry.usedAt };
        }
      }
      return null;
    },
  };
}
