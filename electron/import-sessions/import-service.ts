import { PASTE_DELIMITER, savePastedCells } from './pasted-cells';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_DIR_MODE } from '../store/private-files';
import type {
  ConfigureFileResponse,
  Download,
  ImportDestination,
  ImportJobSummary,
  InterruptedImport,
  JobUpdate,
  OpenFileResponse,
  RecentMapping,
  ReopenResponse,
  ReviewRow,
  ReviewSummary,
  RowsResponse,
  RowsView,
  StartResponse,
  ValidateResponse,
  ValidationProgressInfo,
} from '../../shared/ipc-import';
import type { FileSource, Mapping } from '../../shared/mapping';
import { UserError } from '../../shared/user-error';
import { writeRejectedReport } from '../engine/job/report';
import { JournalError } from '../engine/journal/journal';
import { resumeDestinationProblem } from '../engine/journal/journal-destination';
import type { FetchLike } from '../engine/sending/sender';
import { Ledger } from '../engine/ledger/ledger';
import { ImportSession } from './import-session';
import { createJobHistory } from './job-history';
import { createJobRunner, type JobRunner } from './job-runner';
import { Throttle } from './progress-throttle';
import { createFileRegistry, type FileRegistry } from './file-registry';
import { createRecentMappingStore } from './recent-mappings';
import type { ImportTargetSource } from './send-target';
import { interruptedDestination, type ProfileDestinationSource } from './resume-destination';

export interface ImportServiceOptions {
  dataDir: string;
  onValidation: (progress: ValidationProgressInfo) => void;
  onJob: (update: JobUpdate) => void;
  /** Wall clock in Unix ms, for the timestamp range check (default `Date.now`). */
  now?: () => number;
  fetch?: FetchLike;
  /** Told of failures that are not the user's to fix, for the log. */
  onError?: (what: string, error: unknown) => void;
  /**
   * The code page Excel writes on this computer (`ansiCodePageFor` of the system locale): it
   * decides a file's encoding where the detector is unsure. windows-1252 when left out.
   */
  systemCodePage?: string;
  /**
   * The files the user handed to the app (`open` takes their handles, never a path); one of its
   * own when left out. The main process shares one with the preload's and the browser host's
   * registration.
   */
  files?: FileRegistry;
}

/**
 * The import wizard's work in the main process; one method per `import:*` channel. A request the
 * user can do something about (a file that cannot be read, a file no longer open, an import that
 * cannot start) throws a `UserError`, which the page receives with its code and words.
 */
export interface ImportService {
  /** Opens the file registered under `handle` (an unknown handle: a `UserError`, code `gone`). */
  open(handle: string, source?: FileSource): Promise<OpenFileResponse>;
  /** Pasted cells, kept as a file in the data directory and opened like one. */
  paste(text: string): Promise<OpenFileResponse>;
  configure(sessionId: string, source: FileSource): Promise<ConfigureFileResponse>;
  /** Validates; with a destination, counts the events it already has (the duplicate guard). */
  validate(
    sessionId: string,
    mapping: Mapping,
    destination?: ImportDestination | null,
  ): Promise<ValidateResponse>;
  rows(sessionId: string, view: RowsView, offset: number, limit: number): Promise<RowsResponse>;
  editCell(
    sessionId: string,
    row: number,
    column: number,
    value: string,
  ): Promise<{ row: ReviewRow | null; summary: ReviewSummary }>;
  skipRows(sessionId: string, rows: number[] | 'problems', skip: boolean): Promise<ReviewSummary>;
  summary(sessionId: string): ReviewSummary;
  sessionReport(sessionId: string): Promise<Download>;
  close(sessionId: string): void;
  start(
    sessionId: string,
    rows: 'all' | 'refused',
    target: ImportTargetSource,
    /**
     * `sendAgain`: send the events the destination already has, too (by default they are
     * skipped); `sample`: send only the first this many events, then stop for a look.
     */
    choices?: { sendAgain?: boolean; sample?: number },
  ): Promise<StartResponse>;
  pause(jobId: string): null;
  resume(jobId: string): null;
  cancel(jobId: string): null;
  live(): JobUpdate[];
  /** With where each was started and where its profile sends now (no key is looked up). */
  interrupted(destinationOf: ProfileDestinationSource): Promise<InterruptedImport[]>;
  continueJob(jobId: string, target: ImportTargetSource): Promise<StartResponse>;
  /**
   * Opens a job's file again with the mapping it was sent with, as a new session (sent as a new
   * job, to wherever the profile sends now). The old job stays as it is, in History.
   */
  reopen(jobId: string): Promise<ReopenResponse>;
  dismiss(jobId: string): Promise<null>;
  jobs(): Promise<ImportJobSummary[]>;
  jobReport(jobId: string): Promise<Download>;
  /** Stops running uploads so that they can be resumed at the next start (the app is quitting). */
  interruptAll(): Promise<void>;
}

const MAX_SESSIONS = 8;

function fileStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The import service over the engine: sessions per opened file, validation, review, uploads. */
export function createImportService(options: ImportServiceOptions): ImportService {
  const now = options.now ?? Date.now;
  const files = options.files ?? createFileRegistry();
  const sessions = new Map<string, ImportSession>();
  const recent = createRecentMappingStore(options.dataDir);
  const runner: JobRunner = createJobRunner({
    dataDir: options.dataDir,
    fetch: options.fetch,
    onError: options.onError,
    onUpdate: options.onJob,
    onEnded: (update, refused) => {
      const session = update.sessionId ? sessions.get(update.sessionId) : undefined;
      session?.setRefused(refused);
    },
  });
  const history = createJobHistory(options.dataDir, runner);

  const session = (id: string): ImportSession => {
    const found = sessions.get(id);
    if (!found) throw new SessionGoneError();
    return found;
  };

  const running = (jobId: string) => {
    const job = runner.isRunning(jobId) ? runner.get(jobId) : null;
    if (!job) throw new UserError('gone', 'This import is not running any more.');
    return job;
  };

  // Resolving the profile's key and address can fail for reasons shown as they are (no API key).
  async function resolveTarget(target: ImportTargetSource, profileId?: string) {
    const resolved = await target(profileId);
    if (!resolved.ok) throw new UserError('settings', resolved.message);
    return resolved.target;
  }

  async function openSession(filePath: string, source?: FileSource): Promise<ImportSession> {
    const id = `s-${randomBytes(8).toString('hex')}`;
    const opened = await ImportSession.open(id, filePath, source, options.systemCodePage);
    sessions.set(id, opened);
    while (sessions.size > MAX_SESSIONS) {
      const oldest = sessions.keys().next().value;
      if (oldest === undefined) break;
      sessions.delete(oldest);
    }
    return opened;
  }

  const recentFor = (opened: ImportSession): Promise<RecentMapping | null> =>
    recent.find(opened.header).catch(() => null);

  return {
    async open(handle, source) {
      const opened = await openSession(files.resolve(handle), source);
      return {
        sessionId: opened.id,
        file: opened.preview(),
        recentMapping: await recentFor(opened),
      };
    },
    async paste(text) {
      const file = await savePastedCells(options.dataDir, text, new Date(now()));
      const opened = await openSession(file, { delimiter: PASTE_DELIMITER, encoding: 'utf-8' });
      opened.pasted = true;
      return {
        sessionId: opened.id,
        file: opened.preview(),
        recentMapping: await recentFor(opened),
      };
    },
    async configure(sessionId, source) {
      return { file: await session(sessionId).configure(source) };
    },
    async validate(sessionId, mapping, destination) {
      const found = session(sessionId);
      const throttle = new Throttle(options.onValidation);
      // Counted against where the events would go now: the active profile's ledger.
      const ledger = destination ? Ledger.forDestination(options.dataDir, destination) : undefined;
      const result = await found.validate(mapping, (p) => throttle.push(p), now(), ledger);
      throttle.flush();
      if (result.result === 'valid') {
        await recent.remember(found.header, found.fileName, mapping).catch(() => undefined);
      }
      return result;
    },
    rows: (sessionId, view, offset, limit) => session(sessionId).rows(view, offset, limit),
    editCell: (sessionId, row, column, value) => session(sessionId).editCell(row, column, value),
    skipRows: (sessionId, rows, skip) => session(sessionId).skipRows(rows, skip),
    summary: (sessionId) => session(sessionId).summary(),
    async sessionReport(sessionId) {
      const found = session(sessionId);
      const rows = await found.rejectedRows();
      const dir = path.join(options.dataDir, 'reports');
      await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      const file = path.join(dir, `${sessionId}.csv`);
      try {
        const count = await writeRejectedReport(file, found.header, rows);
        const text = await readFile(file, 'utf8');
        const fileName = `${fileStem(found.fileName)} - rows not sent.csv`;
        return { fileName, text, rows: count };
      } finally {
        await rm(file, { force: true });
      }
    },
    close(sessionId) {
      sessions.delete(sessionId);
    },
    async start(sessionId, rows, target, choices = {}) {
      const found = session(sessionId);
      const resolved = await resolveTarget(target);
      const input = found.jobInput(rows);
      if (input.expected.events === 0) {
        throw new UserError(
          'refused',
          rows === 'refused'
            ? 'There are no refused rows left to send.'
            : 'No row can be sent yet: fix the rows with problems, or take back the skips.',
        );
      }
      return runner.start({
        ...input,
        target: resolved,
        sessionId,
        sendAgain: choices.sendAgain === true,
        sample: choices.sample,
      });
    },
    pause(jobId) {
      running(jobId).pause();
      return null;
    },
    resume(jobId) {
      running(jobId).resume();
      return null;
    },
    cancel(jobId) {
      running(jobId).cancel();
      return null;
    },
    live: () => runner.live(),
    async interrupted(destinationOf) {
      const jobs = await history.interrupted();
      return Promise.all(
        jobs.map(async ({ started, profileId, ...job }) => {
          const now = await destinationOf(profileId ?? undefined).catch(() => null);
          return { ...job, destination: interruptedDestination(job.fileName, started, now) };
        }),
      );
    },
    async continueJob(jobId, target) {
      if (runner.isRunning(jobId)) return { jobId };
      const job = await history.forResume(jobId);
      // The profile it was started with (the active one when none was recorded), as it is now.
      const resolved = await resolveTarget(target, job.profileId ?? undefined);
      // Its key goes only where the import started, and only while the profile still points
      // there: otherwise refused, naming both, before anything is sent (the engine checks again).
      const fileName = path.basename(job.filePath);
      const moved = resumeDestinationProblem(fileName, job, resolved);
      if (moved) throw new JournalError(moved.reason, moved.message);
      return runner.start({
        path: job.filePath,
        fileName,
        mapping: job.mapping,
        target: resolved,
        sessionId: null,
        expected: job.expected,
        resumeJobId: jobId,
      });
    },
    async reopen(jobId) {
      const job = await history.forResume(jobId);
      // The path comes from the job's record in the data directory, never from the page.
      const opened = await openSession(job.filePath, job.mapping.source);
      return {
        sessionId: opened.id,
        file: opened.preview(),
        recentMapping: await recentFor(opened),
        mapping: job.mapping,
      };
    },
    dismiss: (jobId) => history.dismiss(jobId),
    jobs: () => history.list(),
    jobReport: (jobId) => history.report(jobId),
    interruptAll: () => runner.interruptAll(),
  };
}

/** A request named a file the service no longer holds (closed, or the app restarted). */
export class SessionGoneError extends UserError {
  override readonly name = 'SessionGoneError';

  constructor() {
    super('gone', 'This file is no longer open in the app. Choose it again to continue.');
  }
}
