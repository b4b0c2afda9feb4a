import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { journalPath } from './journal';
import { loadJournal } from './journal-load';
import type { JournalCounts } from './journal-load';
import type { JobState } from './journal-records';

/** One import job as the "resume an interrupted import" list shows it. */
export interface JobSummary {
  jobId: string;
  filePath: string;
  fileName: string;
  createdAt: string;
  /** Time of the last record (ms), or null when nothing happened after the start. */
  updatedAt: number | null;
  /** The last recorded state; `running` or null for a job that was interrupted (crash, power loss). */
  state: JobState | null;
  reason: string | null;
  trackerKey: string;
  endpoint: string;
  expected: { dataRows: number; events: number } | null;
  counts: JournalCounts;
}

/**
 * The jobs in `<dataDir>/jobs`, most recently active first. Without `includeFinished`, only those
 * that can be resumed: not completed, not cancelled. Damaged or header-less journals are left out.
 */
export async function listJobs(
  dataDir: string,
  options: { includeFinished?: boolean } = {},
): Promise<JobSummary[]> {
  let names: string[];
  try {
    names = await readdir(path.join(dataDir, 'jobs'));
  } catch {
    return [];
  }
  const jobs: JobSummary[] = [];
  for (const name of names) {
    let file: string;
    try {
      file = journalPath(dataDir, name);
    } catch {
      continue;
    }
    const state = await loadJournal(file).catch(() => null);
    const header = state?.header;
    if (!state || !header) continue;
    const last = state.state?.state ?? null;
    if (!options.includeFinished && (last === 'completed' || last === 'cancelled')) continue;
    jobs.push({
      jobId: name,
      filePath: header.file.path,
      fileName: path.basename(header.file.path),
      createdAt: header.createdAt,
      updatedAt: state.updatedAt,
      state: last,
      reason: state.state?.reason ?? null,
      trackerKey: header.settings.trackerKey,
      endpoint: header.settings.endpoint,
      expected: header.expected,
      counts: state.counts,
    });
  }
  const time = (job: JobSummary) => job.updatedAt ?? Date.parse(job.createdAt);
  return jobs.sort((a, b) => time(b) - time(a));
}
