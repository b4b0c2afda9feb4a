import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os, { hostname } from 'node:os';
import path from 'node:path';
import { checkEndpoint } from '../../../shared/api';
import type { AlreadySent, AlreadySentSource } from '../../../shared/already-sent';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../../store/private-files';
import { sortedOrder } from './fingerprint-order';
import type { FingerprintList } from './fingerprint-list';
import { listLedgerFiles, readLog, readSegment, recordsIn } from './ledger-files';
import { MatchWalk, type Matches } from './ledger-lookup';
import { RECORD_WORDS, normalizeRun } from './ledger-records';
import { LedgerRun, isLiveHere, sealLog, writeSourceFile } from './ledger-run';
import { isProcessRunning } from '../job/job-lock';
import { readSources, sourceFile, type LedgerSource } from './ledger-sources';

// The duplicate guard's memory: every event the app and the CLI sent, per destination (tracker
// key and endpoint), as 128-bit fingerprints of the events' canonical form (event-fingerprint.ts).
// Layout under <dataDir>/ledger/<destination>/: destination.json (which tracker key and endpoint),
// sources/<id>.json (which import, when), log-*.bin (runs still going, or that a crash ended) and
// seg-*.bin (closed runs, sorted). 20 bytes an event on disk; a lookup streams the segments once
// against the file's sorted fingerprints, so memory is the file's fingerprints (20 bytes a row)
// and one chunk of 1.25 MB, whatever the ledger's size.

export interface Destination {
  trackerKey: string;
  endpoint: string;
}

/** What a lookup found, per fingerprint of the list, and in sum. */
export interface LedgerLookup extends Matches {
  summary: AlreadySent;
  /** The sources that sent the `sent` events, by id. */
  sources: ReadonlyMap<number, LedgerSource>;
}

/** How often a lookup lists the ledger again when files vanish under it (merges by others). */
const LIST_ATTEMPTS = 5;

/** The most sources a summary names one by one. */
const SOURCES_NAMED = 3;

function destinationKey(destination: Destination): string {
  const checked = checkEndpoint(destination.endpoint);
  const endpoint = checked.ok ? checked.url : destination.endpoint;
  return createHash('sha256')
    .update(`${endpoint}\n${destination.trackerKey}`)
    .digest('hex')
    .slice(0, 32);
}

/** The ledger folder of every destination. */
export function ledgerRoot(dataDir: string): string {
  return path.join(dataDir, 'ledger');
}

export class Ledger {
  private constructor(
    readonly dir: string,
    private readonly destination: Destination,
  ) {}

  static forDestination(dataDir: string, destination: Destination): Ledger {
    // Records are read as native words; every platform the app ships for is little-endian.
    if (os.endianness() !== 'LE') throw new Error('The ledger needs a little-endian machine.');
    return new Ledger(path.join(ledgerRoot(dataDir), destinationKey(destination)), destination);
  }

  /** Looks up a file's fingerprints: which were sent, or maybe sent, before, and by which runs. */
  async lookup(list: FingerprintList): Promise<LedgerLookup> {
    const total = list.count;
    const order = sortedOrder(list.words, 4, total);
    // Another program may merge segments or seal a log between the listing and the reading (the
    // merged file is in place before its parts go): a file gone meanwhile means listing again.
    for (let attempt = 1; ; attempt += 1) {
      const matches: Matches = { status: new Uint8Array(total), source: new Uint32Array(total) };
      if (total === 0 || (await this.matchAll(list, order, matches)) || attempt === LIST_ATTEMPTS) {
        return this.summarize(matches);
      }
    }
  }

  /** One pass over every file listed now; false when one of them vanished before it was read. */
  private async matchAll(
    list: FingerprintList,
    order: Uint32Array,
    matches: Matches,
  ): Promise<boolean> {
    const files = await listLedgerFiles(this.dir);
    let whole = true;
    for (const segment of files.segments) {
      const walk = new MatchWalk(list.words, order, matches);
      const found = await readSegment(segment, (records, count, runSize) =>
        walk.visit(records, count, runSize),
      );
      whole = whole && found;
    }
    for (const log of files.logs) {
      const { records, count, found } = await readLog(log);
      whole = whole && found;
      const normalized = normalizeRun(records, count);
      new MatchWalk(list.words, order, matches).visit(normalized, normalized.length / RECORD_WORDS);
    }
    return whole;
  }

  /** Starts recording a run of sends (see `LedgerRun`), after sealing logs a crash abandoned. */
  async startRun(source: Omit<LedgerSource, 'id' | 'writer'>): Promise<LedgerRun> {
    await this.describeDestination();
    await this.sealAbandoned();
    const writer = { pid: process.pid, host: hostname() };
    return LedgerRun.start(this.dir, { ...source, writer }, (id, named) =>
      writeSourceFile(sourceFile(this.dir, id), named),
    );
  }

  /**
   * Seals the logs whose writer is gone from this computer (a crash, a kill): lookups read a log
   * whole each time, a segment once and streamed. A log of another computer, or of a process that
   * still runs (or whose source says nothing of its writer), is left alone.
   */
  private async sealAbandoned(): Promise<void> {
    const { logs } = await listLedgerFiles(this.dir);
    const host = hostname();
    for (const log of logs) {
      if (isLiveHere(log)) continue;
      const id = Number(path.basename(log).split('-')[1]);
      const source = (await readSources(this.dir, [id])).get(id);
      const writer = source?.writer;
      if (writer === undefined || writer.host !== host) continue;
      if (writer.pid === process.pid || !isProcessRunning(writer.pid)) {
        await sealLog(this.dir, log);
      }
    }
  }

  /** Forgets every event sent to this destination. */
  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * How many events it remembers (records: an event in two segments not merged yet counts twice),
   * and the bytes its files take on disk.
   */
  async stats(): Promise<{ events: number; bytes: number }> {
    const files = await listLedgerFiles(this.dir);
    let events = 0;
    let bytes = 0;
    for (const file of [...files.segments, ...files.logs]) {
      events += await recordsIn(file);
      bytes += await stat(file).then(
        (s) => s.size,
        () => 0,
      );
    }
    return { events, bytes };
  }

  private async describeDestination(): Promise<void> {
    const file = path.join(this.dir, 'destination.json');
    await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const exists = await readFile(file, 'utf8').then(
      () => true,
      () => false,
    );
    if (!exists) {
      await writeFile(file, JSON.stringify(this.destination), { mode: PRIVATE_FILE_MODE });
    }
  }

  private async summarize(matches: Matches): Promise<LedgerLookup> {
    let sent = 0;
    let maybe = 0;
    const bySource = new Map<number, number>();
    for (let i = 0; i < matches.status.length; i++) {
      const status = matches.status[i];
      if (status === 2) {
        sent += 1;
        const source = matches.source[i] ?? 0;
        bySource.set(source, (bySource.get(source) ?? 0) + 1);
      } else if (status === 1) {
        maybe += 1;
      }
    }
    const sources = await readSources(this.dir, bySource.keys());
    const named: AlreadySentSource[] = [...bySource.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, SOURCES_NAMED)
      .map(([id, events]) => {
        const source = sources.get(id);
        return {
          kind: source?.kind ?? 'import',
          label: source?.label ?? '',
          at: source?.at ?? '',
          events,
        };
      });
    return { ...matches, summary: { sent, maybe, sources: named }, sources };
  }
}
