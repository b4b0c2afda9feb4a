import {
  appendFile,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournal, JournalError, resumeJournal } from './journal';
import type { CreateJournalOptions } from './journal';
import { fingerprintFile, hashMapping } from './journal-fingerprint';
import { listJobs } from './journal-list';
import { loadJournal } from './journal-load';
import type { JobSettings } from './journal-records';

let dir: string;
let csv: string;
const mapping = { version: 1, name: { column: 'event' }, customer: { column: 'id' } };
const settings: JobSettings = {
  encoding: 'utf-8',
  delimiter: ',',
  headerRow: 1,
  zone: 'Europe/Berlin',
  trackerKey: 'CS-TEST1',
  endpoint: 'http://127.0.0.1:8787/api/tracker/track',
};
/** Where the caller would send now: the journal's own, unless a test says otherwise. */
const destination = { trackerKey: settings.trackerKey, endpoint: settings.endpoint };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
  csv = path.join(dir, 'customers.csv');
  const lines = ['event,id', ...Array.from({ length: 300 }, (_, i) => `login,cus_${i}`)];
  await writeFile(csv, `${lines.join('\n')}\n`);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(overrides: Partial<CreateJournalOptions> = {}): CreateJournalOptions {
  let clock = 1_750_000_000_000;
  return {
    dataDir: path.join(dir, 'data'),
    filePath: csv,
    mapping,
    settings,
    now: () => (clock += 1000),
    ...overrides,
  };
}

const rows = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('the job journal', () => {
  it('writes one JSON line per record under <dataDir>/jobs/<jobId>/journal.jsonl and reads them back', async () => {
    const journal = await createJournal(options({ expected: { dataRows: 300, events: 298 } }));
    expect(journal.path).toBe(path.join(dir, 'data', 'jobs', journal.jobId, 'journal.jsonl'));
    const first = await journal.intent(rows(2, 101), '{"body":1}');
    await journal.attempt(first);
    await journal.result(first, { accepted: rows(2, 101) });
    const second = await journal.intent(rows(102, 201), '{"body":2}');
    await journal.attempt(second);
    await journal.attempt(second);
    await journal.result(second, {
      accepted: rows(102, 200),
      rejected: [{ row: 201, message: 'events[99].name must be a non-empty string' }],
    });
    await journal.reject([
      { row: 203, message: 'The customer ID is empty.', cells: ['login', ''] },
    ]);
    await journal.lowWater(5_000, 202);
    const third = await journal.intent([204, 205], '{"body":3}');
    await journal.attempt(third);
    await journal.close();

    const text = await readFile(journal.path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).type),
    ).toEqual([
      'job',
      'intent',
      'attempt',
      'result',
      'intent',
      'attempt',
      'attempt',
      'result',
      'rejected',
      'lowWater',
      'intent',
      'attempt',
    ]);
    const state = await loadJournal(journal.path);
    expect(state.header).toMatchObject({
      jobId: journal.jobId,
      file: { path: csv },
      mappingHash: hashMapping(mapping),
      mapping,
      settings,
      expected: { dataRows: 300, events: 298 },
    });
    expect(state.lowWater).toEqual({ offset: 5_000, row: 202 });
    expect(state.confirmedBeyondLowWater).toEqual([]);
    expect(state.rejected).toEqual([
      { row: 201, message: 'events[99].name must be a non-empty string', cells: null },
      { row: 203, message: 'The customer ID is empty.', cells: ['login', ''] },
    ]);
    expect(state.openBatches).toEqual([
      {
        batch: third,
        rows: [[204, 205]],
        pending: [[204, 205]],
        bytes: 10,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        attempts: 1,
        outcomeUnknown: true,
      },
    ]);
    expect(state.counts).toEqual({
      alreadySentRows: 0,
      acceptedRows: 199,
      rejectedRows: 2,
      pendingRows: 2,
      possibleDuplicateRows: 2,
      batches: 3,
      attempts: 4,
    });
    expect(state.nextBatchId).toBe(4);
  });

  it("hands the job's folder to onFolder before the journal is in it (the sender's lock goes first)", async () => {
    const seen: string[][] = [];
    const journal = await createJournal(
      options({ onFolder: async (jobDir) => void seen.push(await readdir(jobDir)) }),
    );
    expect(seen).toEqual([[]]);
    expect(await readdir(path.dirname(journal.path))).toContain('journal.jsonl');
    await journal.close();
  });

  it('keeps every record whole when many are written at once', async () => {
    const journal = await createJournal(options());
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => journal.intent([2 + i], `body ${i}`)),
    );
    await Promise.all(ids.map((id, i) => journal.result(id, { accepted: [2 + i] })));
    await journal.close();
    expect(new Set(ids).size).toBe(50);
    const state = await loadJournal(journal.path);
    expect(state.skippedLines).toBe(0);
    expect(state.counts.acceptedRows).toBe(50);
    expect(state.confirmedBeyondLowWater).toEqual([[2, 51]]);
  });

  it('counts rows of a request with an unknown outcome as possible duplicates once they are accepted', async () => {
    const journal = await createJournal(options());
    const batch = await journal.intent(rows(2, 11), 'body');
    await journal.result(batch, { accepted: rows(2, 11), doubtful: rows(2, 11) });
    const other = await journal.intent(rows(12, 21), 'body');
    await journal.result(other, {
      accepted: [],
      rejected: [{ row: 12, message: 'bad' }],
      doubtful: rows(12, 21),
      note: 'stopped: 401',
    });
    await journal.close();
    const state = await loadJournal(journal.path);
    expect(state.counts.possibleDuplicateRows).toBe(10 + 9);
    expect(state.openBatches.map((b) => b.pending)).toEqual([[[13, 21]]]);
    expect(state.openBatches[0]?.outcomeUnknown).toBe(false);
    expect(state.confirmedBeyondLowWater).toEqual([[2, 11]]);
    expect(state.settledBeyondLowWater).toEqual([[2, 12]]);
  });

  it('resumes where it stopped: keeps counting batch ids and attempts, and marks unanswered batches as possible duplicates', async () => {
    const journal = await createJournal(options());
    const done = await journal.intent(rows(2, 101), 'a');
    await journal.result(done, { accepted: rows(2, 101) });
    const inFlight = await journal.intent(rows(102, 201), 'b');
    await journal.attempt(inFlight);
    await journal.close(); // as if the app died here

    const { journal: resumed, state } = await resumeJournal({
      destination,
      dataDir: options().dataDir,
      jobId: journal.jobId,
      mapping,
    });
    expect(state.openBatches.map((b) => [b.batch, b.outcomeUnknown, b.attempts])).toEqual([
      [inFlight, true, 1],
    ]);
    expect(await resumed.attempt(inFlight)).toBe(2);
    await resumed.result(inFlight, { accepted: rows(102, 201) });
    expect(await resumed.intent([202], 'c')).toBe(inFlight + 1);
    await resumed.setState('completed');
    await resumed.close();

    const after = await loadJournal(journal.path);
    expect(after.counts.acceptedRows).toBe(200);
    expect(after.counts.possibleDuplicateRows).toBe(101); // the unanswered batch, and the last without result
    expect(after.state).toMatchObject({ state: 'completed' });
  });

  it('cuts off a torn last line before appending, so the next record stays readable', async () => {
    const journal = await createJournal(options());
    const batch = await journal.intent(rows(2, 5), 'a');
    await journal.close();
    await appendFile(journal.path, '{"type":"result","batch":1,"accep');
    const { journal: resumed } = await resumeJournal({
      destination,
      dataDir: options().dataDir,
      jobId: journal.jobId,
    });
    await resumed.result(batch, { accepted: rows(2, 5) });
    await resumed.close();
    const state = await loadJournal(journal.path);
    expect(state.skippedLines).toBe(0);
    expect(state.counts.acceptedRows).toBe(4);
  });

  it('refuses to resume when the file changed, in words the user understands', async () => {
    const journal = await createJournal(options());
    await journal.close();
    await appendFile(csv, 'login,cus_new\n');
    const resume = resumeJournal({ destination, dataDir: options().dataDir, jobId: journal.jobId });
    await expect(resume).rejects.toThrow(
      'customers.csv has changed since this import started (size or content differs). Start a new import instead of resuming.',
    );
    await expect(resume).rejects.toMatchObject({ reason: 'file_changed' });
  });

  it('notices an edit that keeps the size and the modification time, at the start or end of the file', async () => {
    const journal = await createJournal(options());
    await journal.close();
    const before = await stat(csv);
    const text = await readFile(csv, 'utf8');
    await writeFile(csv, text.replace('cus_299', 'cus_992'));
    await utimes(csv, before.atime, before.mtime);
    expect((await stat(csv)).size).toBe(before.size);
    await expect(
      resumeJournal({ destination, dataDir: options().dataDir, jobId: journal.jobId }),
    ).rejects.toMatchObject({
      reason: 'file_changed',
    });
  });

  it('refuses a different mapping, a missing file, an ended job and a job id that is a path', async () => {
    const journal = await createJournal(options());
    await journal.setState('cancelled', 'by the user');
    await journal.close();
    const dataDir = options().dataDir;
    await expect(
      resumeJournal({ destination, dataDir, jobId: journal.jobId }),
    ).rejects.toMatchObject({
      reason: 'finished',
    });
    const other = await createJournal(options());
    await other.close();
    await expect(
      resumeJournal({
        destination,
        dataDir,
        jobId: other.jobId,
        mapping: { ...mapping, contact: { column: 'c' } },
      }),
    ).rejects.toMatchObject({ reason: 'mapping_changed' });
    await expect(resumeJournal({ destination, dataDir, jobId: '../../etc' })).rejects.toMatchObject(
      {
        reason: 'invalid_job_id',
      },
    );
    await rm(csv);
    await expect(resumeJournal({ destination, dataDir, jobId: other.jobId })).rejects.toMatchObject(
      {
        reason: 'file_missing',
      },
    );
  });

  it('refuses a journal that fails its own integrity check, whole, and sends to nothing in it', async () => {
    const dataDir = options().dataDir;
    const journal = await createJournal(options());
    const batch = await journal.intent(rows(2, 101), 'a');
    await journal.result(batch, { accepted: rows(2, 101) });
    await journal.close();
    const good = await readFile(journal.path, 'utf8');
    const lines = good.split('\n');
    const resume = () => resumeJournal({ destination, dataDir, jobId: journal.jobId });
    const refusedAs = (pattern: RegExp) =>
      expect(resume()).rejects.toMatchObject({
        reason: 'damaged',
        code: 'refused',
        message: expect.stringMatching(pattern) as unknown,
      });

    // A line in the middle that is not a record (edited, or a second header).
    await writeFile(
      journal.path,
      [lines[0], '{"type":"result","batch":1}', ...lines.slice(1)].join('\n'),
    );
    await refusedAs(
      /^The record of the import of customers\.csv is damaged \(line 2 of .+ cannot be read\)/,
    );
    await writeFile(journal.path, [lines[0], lines[0], ...lines.slice(1)].join('\n'));
    await refusedAs(/line 2 of/);
    // A header that names another job: the journal was copied from another folder.
    const header = JSON.parse(lines[0] ?? '') as { jobId: string };
    await writeFile(
      journal.path,
      [JSON.stringify({ ...header, jobId: 'another-job' }), ...lines.slice(1)].join('\n'),
    );
    await refusedAs(/names another import \(another-job\)/);
    // Refused before anything is appended: the file is as it was left.
    const after = await readFile(journal.path, 'utf8');
    expect(after.split('\n')).toHaveLength(lines.length);

    // A torn last line is a crash, not damage: still resumed.
    await writeFile(journal.path, `${good}{"type":"attempt","ba`);
    const { journal: resumed, state } = await resume();
    await resumed.close();
    expect(state.counts.acceptedRows).toBe(100);
  });

  it('resumes only to the tracker key and endpoint it started with, and only if they are allowed', async () => {
    const dataDir = options().dataDir;
    const journal = await createJournal(options());
    await journal.close();
    const resumeTo = (where: typeof destination) =>
      resumeJournal({ destination: where, dataDir, jobId: journal.jobId });
    const started = `started for tracker key CS-TEST1 at ${settings.endpoint}`;

    const elsewhere = { ...destination, endpoint: 'https://track.example.com/api/tracker/track' };
    await expect(resumeTo(elsewhere)).rejects.toMatchObject({
      reason: 'destination_changed',
      code: 'destination_changed',
      message: expect.stringContaining(
        `${started}; this resume would send to tracker key CS-TEST1 at ${elsewhere.endpoint}. Nothing was sent.`,
      ) as unknown,
    });
    await expect(resumeTo({ ...destination, trackerKey: 'CS-OTHER' })).rejects.toMatchObject({
      reason: 'destination_changed',
    });

    // Edited on disk to plain http to another host: refused even when the caller agrees.
    const text = await readFile(journal.path, 'utf8');
    const tampered = 'http://127.0.0.2:8787/api/tracker/track';
    await writeFile(journal.path, text.replace(settings.endpoint, tampered));
    await expect(resumeTo({ ...destination, endpoint: tampered })).rejects.toMatchObject({
      reason: 'destination_not_allowed',
      code: 'refused',
      message: expect.stringContaining(
        `at ${tampered}; this resume would send to tracker key CS-TEST1 at ${tampered}. The recorded endpoint must start with https://`,
      ) as unknown,
    });
  });

  it('fingerprints a file the same on every read, and hashes a mapping whatever its key order', async () => {
    const first = await fingerprintFile(csv);
    await readFile(csv);
    expect(await fingerprintFile(csv)).toEqual(first);
    expect(first.size).toBe((await stat(csv)).size);
    expect(hashMapping({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      hashMapping({ a: { c: null, d: [1, 2] }, b: 1 }),
    );
    expect(hashMapping({ a: [1, 2] })).not.toBe(hashMapping({ a: [2, 1] }));
  });

  it('fingerprints a large file from its ends only, and still notices a changed last byte', async () => {
    const big = path.join(dir, 'big.csv');
    await writeFile(big, Buffer.alloc(3_000_000, 0x61));
    const before = await fingerprintFile(big);
    const changed = Buffer.alloc(3_000_000, 0x61);
    changed[2_999_999] = 0x62;
    await writeFile(big, changed);
    const s = await stat(big);
    await utimes(big, s.atime, before.mtimeMs / 1000);
    const after = await fingerprintFile(big);
    expect(after.size).toBe(before.size);
    expect(after.sampleSha256).not.toBe(before.sampleSha256);
  });

  it('never writes the API key, and refuses settings that carry one', async () => {
    const profile = { name: 'Production', ...settings, apiKey: 'sk_live_7f3a9c2e5b1d' };
    const sneaky = { ...profile } as unknown as JobSettings;
    const refused = createJournal(options({ settings: sneaky }));
    await expect(refused).rejects.toBeInstanceOf(JournalError);
    await expect(refused).rejects.not.toThrow(/sk_live/);
    await expect(readdir(path.join(dir, 'data'))).rejects.toThrow(); // nothing was created

    const { name: _name, apiKey: _key, ...jobSettings } = profile;
    const journal = await createJournal(options({ settings: jobSettings }));
    const batch = await journal.intent(rows(2, 3), '{"trackerKey":"CS-TEST1","events":[]}');
    await journal.attempt(batch);
    await journal.result(batch, {
      accepted: [],
      doubtful: rows(2, 3),
      note: 'stopped: API key not accepted',
    });
    await journal.setState('failed', 'API key not accepted (401)');
    await journal.close();
    expect(await readFile(journal.path, 'utf8')).not.toContain(profile.apiKey);
  });

  it('lists interrupted jobs with their file name and counts, newest first, and leaves ended ones out', async () => {
    const dataDir = options().dataDir;
    expect(await listJobs(dataDir)).toEqual([]);
    const ended = await createJournal(options({ now: () => 1_000 }));
    await ended.setState('completed');
    await ended.close();
    const crashed = await createJournal(options({ now: () => 2_000 }));
    const batch = await crashed.intent(rows(2, 51), 'x');
    await crashed.result(batch, { accepted: rows(2, 51) });
    await crashed.close();
    const paused = await createJournal(options({ now: () => 3_000 }));
    await paused.setState('paused');
    await paused.close();

    const jobs = await listJobs(dataDir);
    expect(jobs.map((j) => [j.jobId, j.fileName, j.state, j.counts.acceptedRows])).toEqual([
      [paused.jobId, 'customers.csv', 'paused', 0],
      [crashed.jobId, 'customers.csv', null, 50],
    ]);
    expect((await listJobs(dataDir, { includeFinished: true })).map((j) => j.jobId)).toContain(
      ended.jobId,
    );
  });
});
