import { dirname } from 'node:path';
import type { MappingIssue } from '../../../shared/issues';
import { hasRowEdits, loadRowEdits, saveRowEdits, type RowEdits } from '../validation/import-edits';
import type { ProgressTracker } from './job-progress';
import type { OpenedJob } from './job-send';
import type { ImportJobOptions } from './job-types';
import { createJournal, journalPath, resumeJournal, type JobJournal } from '../journal/journal';
import { acquireJobLock, type JobLock } from './job-lock';
import type { JournalState } from '../journal/journal-load';
import { readSettings } from '../reading/source/source';
import { prepareImport } from '../validation/prepare';

type OpenResult =
  | { ok: true; opened: OpenedJob; lock: JobLock }
  | { ok: false; issues: MappingIssue[]; message: string };

/**
 * Opens a job under its sender's lock (see job-lock.ts), which the caller releases when the job
 * ends: a resume takes it before reading the journal, so a second sender refuses (a
 * `JobLockedError`) before it knows what is left to send.
 */
export async function openJob(
  options: ImportJobOptions,
  progress: ProgressTracker,
): Promise<OpenResult> {
  let lock: JobLock | null = null;
  if (options.resumeJobId) {
    const jobDir = dirname(journalPath(options.dataDir, options.resumeJobId));
    // A job that is not there is refused by resumeJournal, in its words.
    lock = await acquireJobLock(jobDir).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    });
  }
  try {
    const result = await openLocked(options, progress, async (jobDir) => {
      lock ??= await acquireJobLock(jobDir);
      return lock;
    });
    if (!result.ok) await lock?.release();
    return result;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/**
 * Opens a job: a new journal, or the interrupted one to resume (reading the file exactly as the
 * first run did, with its zone, its "now" and its row edits), then the file and the converter.
 */
async function openLocked(
  options: ImportJobOptions,
  progress: ProgressTracker,
  lockOf: (jobDir: string) => Promise<JobLock>,
): Promise<OpenResult> {
  let edits: RowEdits | undefined = options.edits;
  let journal: JobJournal | null = null;
  let state: JournalState | null = null;
  let createdAt = (options.wallNow ?? Date.now)();
  let zone = options.zone;
  let mapping = options.mapping;

  if (options.resumeJobId) {
    const resumed = await resumeJournal({
      dataDir: options.dataDir,
      jobId: options.resumeJobId,
      mapping: options.mapping,
      now: options.wallNow,
      destination: { trackerKey: options.trackerKey, endpoint: options.endpoint },
    });
    journal = resumed.journal;
    state = resumed.state;
    edits ??= await loadRowEdits(dirname(journal.path));
    const { settings } = journal.header;
    createdAt = Date.parse(journal.header.createdAt);
    zone = settings.zone;
    // Read the file exactly as the first run did.
    mapping = {
      ...mapping,
      source: {
        encoding: settings.encoding,
        delimiter: settings.delimiter,
        headerRow: settings.headerRow,
        sheet: settings.sheet,
      },
    };
  }

  const opened = await prepareImport({
    path: options.path,
    mapping,
    systemCodePage: options.systemCodePage,
    zone,
    now: createdAt,
  });
  if (!opened.ok) {
    await journal?.close();
    const message = opened.issues.map((i) => i.message).join(' ');
    return {
      ok: false,
      issues: opened.issues,
      message: `The mapping does not fit this file: ${message}`,
    };
  }
  const { file, converter } = opened.prepared;
  progress.value.fileSize = file.fileSize;

  journal ??= await createJournal({
    dataDir: options.dataDir,
    filePath: options.path,
    mapping: options.mapping,
    settings: {
      ...readSettings(file),
      zone: converter.zone,
      trackerKey: options.trackerKey,
      endpoint: options.endpoint,
    },
    // Records carry the real time (History's durations); the header keeps the conversion's "now".
    createdAt,
    now: options.wallNow,
    expected: options.expected ?? null,
    // A new job's lock is taken in its folder before its journal exists (see createJournal).
    onFolder: async (jobDir) => {
      await lockOf(jobDir);
    },
  });
  const lock = await lockOf(dirname(journal.path));
  if (!options.resumeJobId && edits && hasRowEdits(edits)) {
    await saveRowEdits(dirname(journal.path), edits);
  }
  if (!options.resumeJobId) await journal.setState('running');
  progress.value.jobId = journal.jobId;
  if (state) {
    progress.value.eventsSent = state.counts.acceptedRows;
    progress.value.rejectedRows = state.counts.rejectedRows;
    progress.value.possibleDuplicates = state.counts.possibleDuplicateRows;
    progress.value.alreadySent = state.counts.alreadySentRows;
  }
  // A resume sends to the tracker and address in its journal, which resumeJournal refused unless
  // they are allowed and the caller's own.
  const { trackerKey, endpoint } = journal.header.settings;
  const target = { trackerKey, endpoint };
  return { ok: true, opened: { journal, state, file, converter, edits, target }, lock };
}
