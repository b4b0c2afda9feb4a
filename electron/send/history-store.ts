import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  historyIdSchema,
  historyMatches,
  SEND_HISTORY_LIMIT,
  sendHistoryEntrySchema,
  summarizeHistoryEntry,
} from '../../shared/send-history';
import type { SendHistoryEntry, SendHistorySummary } from '../../shared/send-history';
import { writeFileAtomic } from '../store/atomic-write';
import { createSerialQueue } from '../store/serial-queue';

/** The folder of the send history inside the data directory: one JSON file per request. */
export const SEND_HISTORY_DIR = 'send-history';

export interface HistoryQuery {
  query?: string;
  limit?: number;
}

export interface HistoryPage {
  entries: SendHistorySummary[];
  matching: number;
  stored: number;
}

export interface SendHistoryStore {
  /** Stores `entry` (its id must be new) and removes the oldest beyond the limit. */
  add(entry: SendHistoryEntry): Promise<void>;
  /** Newest first. */
  list(query?: HistoryQuery): Promise<HistoryPage>;
  /** The entry, or null when there is none (removed, or its file is damaged). */
  get(id: string): Promise<SendHistoryEntry | null>;
  /** Removes every entry; answers how many there were. */
  clear(): Promise<number>;
}

export interface SendHistoryStoreOptions {
  dataDir: string;
  /** How many entries to keep, {@link SEND_HISTORY_LIMIT} by default. */
  limit?: number;
}

/** A new history id for a request sent at `sentAt` (Unix ms): sortable, safe as a file name. */
export function newHistoryId(sentAt: number): string {
  return `${String(Math.max(0, Math.trunc(sentAt))).padStart(13, '0')}-${randomBytes(6).toString('hex')}`;
}

const newestFirst = (a: SendHistorySummary, b: SendHistorySummary) =>
  b.sentAt !== a.sentAt ? b.sentAt - a.sentAt : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

async function readEntry(file: string): Promise<SendHistoryEntry | null> {
  try {
    const parsed = sendHistoryEntrySchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The requests sent from the "Send event" screen, kept in `<dataDir>/send-history/<id>.json`.
 * One file per request, each written once and atomically, so a crash loses at most the request
 * being written and never damages the others; the summaries are read once and then kept in
 * memory. Files that do not parse are left alone and not listed.
 */
export function createSendHistoryStore(options: SendHistoryStoreOptions): SendHistoryStore {
  const dir = path.join(options.dataDir, SEND_HISTORY_DIR);
  const limit = options.limit ?? SEND_HISTORY_LIMIT;
  const fileOf = (id: string) => path.join(dir, `${id}.json`);
  let summaries: Map<string, SendHistorySummary> | null = null;
  const serialized = createSerialQueue();

  async function load(): Promise<Map<string, SendHistorySummary>> {
    if (summaries) return summaries;
    const loaded = new Map<string, SendHistorySummary>();
    let names: string[] = [];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const name of names) {
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!historyIdSchema.safeParse(id).success) continue;
      const entry = await readEntry(path.join(dir, name));
      if (entry?.id === id) loaded.set(id, summarizeHistoryEntry(entry));
    }
    summaries = loaded;
    return loaded;
  }

  async function prune(all: Map<string, SendHistorySummary>): Promise<void> {
    const sorted = [...all.values()].sort(newestFirst);
    for (const old of sorted.slice(limit)) {
      await fs.rm(fileOf(old.id), { force: true });
      all.delete(old.id);
    }
  }

  return {
    add: (entry) =>
      serialized(async () => {
        const all = await load();
        await writeFileAtomic(fileOf(entry.id), JSON.stringify(entry));
        all.set(entry.id, summarizeHistoryEntry(entry));
        await prune(all);
      }),

    list: (query = {}) =>
      serialized(async () => {
        const all = [...(await load()).values()].sort(newestFirst);
        const matching = all.filter((summary) => historyMatches(summary, query.query ?? ''));
        return {
          entries: matching.slice(0, query.limit ?? limit),
          matching: matching.length,
          stored: all.length,
        };
      }),

    get: (id) =>
      serialized(async () => {
        if (!historyIdSchema.safeParse(id).success) return null;
        const entry = await readEntry(fileOf(id));
        return entry?.id === id ? entry : null;
      }),

    clear: () =>
      serialized(async () => {
        const all = await load();
        const count = all.size;
        for (const id of [...all.keys()]) {
          await fs.rm(fileOf(id), { force: true });
          all.delete(id);
        }
        return count;
      }),
  };
}
