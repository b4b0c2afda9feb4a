import { mkdir, open, truncate } from 'node:fs/promises';
import path from 'node:path';
import { UserError, type UserErrorCode } from '../../../shared/user-error';
import { resumeDestinationProblem } from './journal-destination';
import type { Destination, DestinationProblem } from './journal-destination';
import { PRIVATE_DIR_MODE } from '../../store/private-files';
import { JsonLineAppender } from './journal-appender';
import { fingerprintFile, hashMapping, sameFingerprint, sha256Hex } from './journal-fingerprint';
import { loadJournal } from './journal-load';
import type { JournalState } from './journal-load';
import { toRanges } from './journal-ranges';
import { JOURNAL_VERSION, jobSettingsSchema, journalRecordSchema } from './journal-records';
import type {
  FileFingerprint,
  JobHeader,
  JobSettings,
  JobState,
  JournalRecord,
  RejectedRowRecord,
} from './journal-records';

export type JournalErrorCode =
  | 'file_changed'
  | 'file_missing'
  | 'mapping_changed'
  | 'unreadable'
  | 'finished'
  | 'invalid_job_id'
  | 'invalid_settings'
  | 'damaged'
  | DestinationProblem['reason'];

/** A journal refused to open; `message` is plain words for the person at the screen. */
export class JournalError extends UserError {
  override readonly name = 'JournalError';

  constructor(
    /** Why, for tests and the log (the user reads the message). */
    readonly reason: JournalErrorCode,
    message: string,
  ) {
    super(codeOf(reason), message);
  }
}

// `destination_changed` is its own code: the page can ask about it (the two addresses), not
// just show it.
function codeOf(reason: JournalErrorCode): UserErrorCode {
  if (reason === 'invalid_job_id') return 'gone';
  if (reason === 'destination_changed') return 'destination_changed';
  return 'refused';
}

/** What the sender made of a batch (rows not listed in `accepted` or `rejected` are still to send). */
export interface BatchResult {
  accepted: readonly number[];
  rejected?: readonly { row: number; message: string }[];
  /** Rows sent in a request whose outcome is unknown: possible duplicates. */
  doubtful?: readonly number[];
  note?: string;
}

/**
 * The append-only journal of one import job. Every method resolves once its record is synced to
 * disk: move progress on (or send) only after that.
 */
export interface JobJournal {
  readonly jobId: string;
  /** The journal file, `<dataDir>/jobs/<jobId>/journal.jsonl`. */
  readonly path: string;
  readonly header: JobHeader;
  /** Announces a batch before its first send; resolves to its batch id. */
  intent(rows: readonly number[], body: string | Uint8Array): Promise<number>;
  /** Records the next attempt at sending a batch; resolves to the attempt's number (1, 2, ...). */
  attempt(batch: number): Promise<number>;
  result(batch: number, result: BatchResult): Promise<void>;
  /** Everything below `row`, which starts at byte `offset` of the file, is settled. */
  lowWater(offset: number, row: number): Promise<void>;
  /** Rows that will not be sent (validation errors, rows too large), with their cells if known. */
  reject(rows: readonly RejectedRowRecord[]): Promise<void>;
  setState(state: JobState, reason?: string): Promise<void>;
  close(): Promise<void>;
}

export interface CreateJournalOptions {
  dataDir: string;
  filePath: string;
  /** The column mapping (any JSON); kept in full so a resume can use it, and hashed. */
  mapping: unknown;
  settings: JobSettings;
  expected?: { dataRows: number; events: number } | null;
  /** Wall clock in Unix ms (default `Date.now`): every record's `at`, so History shows true times. */
  now?: () => number;
  /**
   * The job's creation time (Unix ms) when the caller has fixed it already (the "now" its rows were
   * converted with, which a resume must reuse); default `now()`.
   */
  createdAt?: number;
  /**
   * Called with the job's new folder before the journal is written in it: the sender's lock is
   * taken there first, so that no other program can see the job before it has a sender.
   */
  onFolder?: (jobDir: string) => Promise<void>;
}

export interface ResumeJournalOptions {
  dataDir: string;
  jobId: string;
  /** When given, resuming with a different mapping is refused. */
  mapping?: unknown;
  /**
   * Where the caller would send now (the profile's, or the CLI's flags): resuming is refused
   * unless the journal's tracker key and endpoint are allowed and the same.
   */
  destination: Destination;
  now?: () => number;
}

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** The journal file of a job (the job id is checked: it may come from the renderer). */
export function journalPath(dataDir: string, jobId: string): string {
  if (!JOB_ID.test(jobId)) throw new JournalError('invalid_job_id', 'This import was not found.');
  return path.join(dataDir, 'jobs', jobId, 'journal.jsonl');
}

function compactTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Starts the journal of a new job: makes its folder and writes the synced header line. */
export async function createJournal(options: CreateJournalOptions): Promise<JobJournal> {
  const now = options.now ?? Date.now;
  const parsed = jobSettingsSchema.safeParse(options.settings);
  if (!parsed.success) {
    // Never echo the input: the unexpected field may be the API key.
    throw new JournalError('invalid_settings', 'The import settings are incomplete or invalid.');
  }
  let fingerprint: FileFingerprint;
  try {
    fingerprint = await fingerprintFile(options.filePath);
  } catch {
    throw new JournalError(
      'file_missing',
      `${path.basename(options.filePath)} could not be opened. Check that it still exists.`,
    );
  }
  const mappingHash = hashMapping(options.mapping);
  const created = options.createdAt ?? now();
  const key = sha256Hex(
    JSON.stringify([fingerprint, mappingHash, parsed.data.trackerKey, parsed.data.endpoint]),
  ).slice(0, 8);
  const jobsDir = path.join(options.dataDir, 'jobs');
  await mkdir(jobsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  let jobId = `${compactTime(created)}-${key}`;
  for (let n = 2; ; n += 1) {
    try {
      await mkdir(path.join(jobsDir, jobId), { mode: PRIVATE_DIR_MODE });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      jobId = `${compactTime(created)}-${key}-${n}`;
    }
  }
  await options.onFolder?.(path.join(jobsDir, jobId));
  const header: JobHeader = {
    type: 'job',
    version: JOURNAL_VERSION,
    jobId,
    file: { path: path.resolve(options.filePath), fingerprint },
    mappingHash,
    mapping: options.mapping,
    settings: parsed.data,
    expected: options.expected ?? null,
    createdAt: new Date(created).toISOString(),
  };
  const file = journalPath(options.dataDir, jobId);
  const appender = await JsonLineAppender.open(file, true);
  await appender.append(header);
  await syncDirectory(path.dirname(file));
  return makeJournal(appender, file, header, now, 1, new Map());
}

/**
 * Reopens an interrupted job for appending, after checking that its file is unchanged. Returns
 * the state rebuilt from the journal: where to restart and what is already settled.
 */
export async function resumeJournal(
  options: ResumeJournalOptions,
): Promise<{ journal: JobJournal; state: JournalState }> {
  const now = options.now ?? Date.now;
  const file = journalPath(options.dataDir, options.jobId);
  let state: JournalState;
  try {
    state = await loadJournal(file);
  } catch {
    throw new JournalError('unreadable', 'This import was not found.');
  }
  const header = state.header;
  if (!header) {
    throw new JournalError(
      'unreadable',
      'The record of this import is damaged and cannot be resumed.',
    );
  }
  const fileName = path.basename(header.file.path);
  // Its own integrity: a resume trusts every line or none (a torn last line is a crash, already
  // left out by the reader, not damage).
  if (state.firstSkippedLine !== null) {
    throw new JournalError(
      'damaged',
      `The record of the import of ${fileName} is damaged (line ${state.firstSkippedLine} of ${file} cannot be read), so it cannot be resumed. Nothing was sent; start a new import of ${fileName} instead.`,
    );
  }
  if (header.jobId !== options.jobId) {
    throw new JournalError(
      'damaged',
      `The record in the folder of import ${options.jobId} names another import (${header.jobId}), so it cannot be resumed. Nothing was sent; start a new import of ${fileName} instead.`,
    );
  }
  const destination = resumeDestinationProblem(fileName, header.settings, options.destination);
  if (destination) throw new JournalError(destination.reason, destination.message);
  if (state.state?.state === 'completed' || state.state?.state === 'cancelled') {
    throw new JournalError('finished', `The import of ${fileName} has already ended.`);
  }
  let fingerprint: FileFingerprint;
  try {
    fingerprint = await fingerprintFile(header.file.path);
  } catch {
    throw new JournalError(
      'file_missing',
      `${fileName} can no longer be found at ${header.file.path}. Put it back there to resume, or start a new import.`,
    );
  }
  if (!sameFingerprint(fingerprint, header.file.fingerprint)) {
    throw new JournalError(
      'file_changed',
      `${fileName} has changed since this import started (size or content differs). Start a new import instead of resuming.`,
    );
  }
  if (options.mapping !== undefined && hashMapping(options.mapping) !== header.mappingHash) {
    throw new JournalError(
      'mapping_changed',
      `The column mapping differs from the one this import of ${fileName} started with. Resume with the same mapping, or start a new import.`,
    );
  }
  // Cut a torn last line off, or the next record would be glued onto it.
  await truncate(file, state.validBytes);
  const appender = await JsonLineAppender.open(file, false);
  const attempts = new Map(state.openBatches.map((b) => [b.batch, b.attempts]));
  const journal = makeJournal(appender, file, header, now, state.nextBatchId, attempts);
  // A boundary for the reader: batches left without a result before it stay "possibly duplicated"
  // even if a result for them follows after the resume.
  await journal.setState('running', 'resumed');
  return { journal, state };
}

function makeJournal(
  appender: JsonLineAppender,
  file: string,
  header: JobHeader,
  now: () => number,
  firstBatchId: number,
  attempts: Map<number, number>,
): JobJournal {
  let nextBatch = firstBatchId;
  // Checked against the reader's schema, so that whatever is written can be read back.
  const write = (record: JournalRecord) => appender.append(journalRecordSchema.parse(record));
  const known = (batch: number) => {
    if (!attempts.has(batch))
      throw new Error(`Batch ${batch} was never announced in this journal.`);
  };
  return {
    jobId: header.jobId,
    path: file,
    header,
    async intent(rows, body) {
      if (rows.length === 0) throw new Error('A batch needs at least one row.');
      const batch = nextBatch++;
      attempts.set(batch, 0);
      const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      const record = {
        type: 'intent',
        batch,
        rows: toRanges(rows),
        bytes,
        sha256: sha256Hex(body),
      };
      await appender.append({ ...record, at: now() });
      return batch;
    },
    async attempt(batch) {
      known(batch);
      const n = (attempts.get(batch) ?? 0) + 1;
      attempts.set(batch, n);
      await write({ type: 'attempt', batch, n, at: now() });
      return n;
    },
    async result(batch, result) {
      known(batch);
      await write({
        type: 'result',
        batch,
        accepted: toRanges(result.accepted),
        rejected: [...(result.rejected ?? [])],
        doubtful: toRanges(result.doubtful ?? []),
        ...(result.note === undefined ? {} : { note: result.note }),
        at: now(),
      });
    },
    async lowWater(offset, row) {
      await write({ type: 'lowWater', offset, row, at: now() });
    },
    async reject(rows) {
      if (rows.length === 0) return;
      await write({ type: 'rejected', rows: [...rows], at: now() });
    },
    async setState(state, reason) {
      await write({ type: 'state', state, ...(reason ? { reason } : {}), at: now() });
    },
    close: () => appender.close(),
  };
}

/** Makes a new file's directory entry durable too (not possible, nor needed, on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file's own data is already synced.
  }
}
