import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Download, ImportJobSummary } from '../../shared/ipc-import';
import { mappingSchema, type Mapping } from '../../shared/mapping';
import { UserError } from '../../shared/user-error';
import { journalPath } from '../engine/journal/journal';
import { listJobs, type JobSummary } from '../engine/journal/journal-list';
import { loadJournal } from '../engine/journal/journal-load';
import { readJobMeta, updateJobMeta, type JobMeta } from './job-meta';
import { jobReportPath, type JobRunner } from './job-runner';

/** What continuing an interrupted job needs, read back from its journal. */
export interface ResumableJob {
  filePath: string;
  mapping: Mapping;
  trackerKey: string;
  endpoint: string;
  profileId: string | null;
  expected: { dataRows: number; events: number } | null;
}

/** An interrupted job with what its resume would check: where it started, and with which profile. */
export interface InterruptedJob extends ImportJobSummary {
  started: { trackerKey: string; endpoint: string };
  profileId: string | null;
}

export interface JobHistory {
  list(): Promise<ImportJobSummary[]>;
  /** Jobs that stopped before the end and were not dismissed: offered at start. */
  interrupted(): Promise<InterruptedJob[]>;
  /** The rest throw a `UserError` when the job is not there or cannot be used. */
  forResume(jobId: string): Promise<ResumableJob>;
  dismiss(jobId: string): Promise<null>;
  report(jobId: string): Promise<Download>;
}

const notFound = () => new UserError('gone', 'This import was not found.');

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

function stateOf(job: JobSummary, live: boolean): ImportJobSummary['state'] {
  if (live) return 'running';
  const state = job.state;
  // A journal that still says "running" belongs to a run that ended without saying so: a crash.
  if (state === null || state === 'running' || state === 'paused') return 'interrupted';
  return state;
}

/**
 * When a job started and when it stopped (Unix ms; `ended` null while it runs). The journal's
 * records carry the wall clock, so its span is the true duration, for the CLI's jobs too (they
 * have no app notes). Journals written before that stamped every record with the job's creation
 * time (a span of 0): for those the app's own notes are used when there are any.
 */
function jobTimes(
  job: JobSummary,
  meta: JobMeta | null,
  live: boolean,
): { started: number; ended: number | null } {
  const created = Date.parse(job.createdAt);
  if (job.updatedAt !== null && job.updatedAt > created) {
    return { started: created, ended: live ? null : job.updatedAt };
  }
  const started = Date.parse(meta?.startedAt ?? job.createdAt);
  const endedAt = meta?.endedAt ?? null;
  return { started, ended: endedAt === null ? null : Date.parse(endedAt) };
}

/** Past and interrupted imports, from the journals in `<dataDir>/jobs` and the app's notes beside them. */
export function createJobHistory(dataDir: string, runner: JobRunner): JobHistory {
  async function summarize(job: JobSummary): Promise<InterruptedJob> {
    const meta = await readJobMeta(dataDir, job.jobId);
    const live = runner.isRunning(job.jobId);
    const { started, ended } = jobTimes(job, meta, live);
    const reportFile = jobReportPath(dataDir, job.jobId);
    return {
      jobId: job.jobId,
      fileName: job.fileName,
      filePath: job.filePath,
      profileName: meta?.profileName ?? null,
      state: stateOf(job, live),
      reason: job.reason,
      startedAt: new Date(started).toISOString(),
      durationMs: ended === null ? null : Math.max(0, ended - started),
      sent: job.counts.acceptedRows,
      rejected: job.counts.rejectedRows,
      possibleDuplicates: job.counts.possibleDuplicateRows,
      alreadySent: job.counts.alreadySentRows,
      totalEvents: job.expected?.events ?? null,
      hasReport: await exists(reportFile),
      live,
      dismissed: meta?.dismissed ?? false,
      started: { trackerKey: job.trackerKey, endpoint: job.endpoint },
      profileId: meta?.profileId ?? null,
    };
  }

  const summary = ({ started: _started, profileId: _profileId, ...rest }: InterruptedJob) => rest;

  return {
    async list() {
      const jobs = await listJobs(dataDir, { includeFinished: true });
      return (await Promise.all(jobs.map(summarize))).map(summary);
    },
    async interrupted() {
      const jobs = await listJobs(dataDir);
      const summaries = await Promise.all(jobs.map(summarize));
      return summaries.filter((job) => !job.live && !job.dismissed);
    },
    async forResume(jobId) {
      let state;
      try {
        state = await loadJournal(journalPath(dataDir, jobId));
      } catch {
        throw notFound();
      }
      const header = state.header;
      const mapping = mappingSchema.safeParse(header?.mapping);
      if (!header || !mapping.success) {
        throw new UserError(
          'refused',
          'The record of this import is damaged and cannot be resumed.',
        );
      }
      const meta = await readJobMeta(dataDir, jobId);
      return {
        filePath: header.file.path,
        mapping: mapping.data,
        trackerKey: header.settings.trackerKey,
        endpoint: header.settings.endpoint,
        profileId: meta?.profileId ?? null,
        expected: header.expected,
      };
    },
    async dismiss(jobId) {
      try {
        if (!(await exists(journalPath(dataDir, jobId)))) throw new Error('no such job');
        await updateJobMeta(dataDir, jobId, { dismissed: true });
      } catch {
        throw notFound();
      }
      return null;
    },
    async report(jobId) {
      let text: string;
      try {
        text = await readFile(jobReportPath(dataDir, jobId), 'utf8');
      } catch {
        throw new UserError('refused', 'This import has no rejected rows to download.');
      }
      const journal = await loadJournal(journalPath(dataDir, jobId)).catch(() => null);
      const name = path.basename(journal?.header?.file.path ?? 'import.csv');
      const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
      const rows = journal?.rejected.length ?? 0;
      return { fileName: `${stem} - rows not sent.csv`, text, rows };
    },
  };
}
