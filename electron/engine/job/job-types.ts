import type { MappingIssue } from '../../../shared/issues';
import type { JobOutcome, JobProgress } from '../../../shared/job-progress';
import type { Mapping } from '../../../shared/mapping';
import type { Now, Sleep } from '../sending/clock';
import type { RowEdits } from '../validation/import-edits';
import type { FetchLike } from '../sending/sender';

export interface ImportJobOptions {
  path: string;
  mapping: Mapping;
  trackerKey: string;
  endpoint: string;
  /** Used for the requests only: never stored, logged or reported. */
  apiKey: string;
  /** Default: the documented 200 requests per 60 s. */
  rate?: { requests: number; perMs: number };
  /** Where `jobs/<id>/journal.jsonl` lives. */
  dataDir: string;
  /** Zone for timestamps without an offset when the mapping names none (default: the computer's). */
  zone?: string;
  /** The code page Excel writes on this computer, for an `auto` encoding (a resume reads its own). */
  systemCodePage?: string;
  /** Continue this interrupted job instead of starting a new one. */
  resumeJobId?: string;
  /** Write the rejected rows here at the end (CSV, UTF-8 with BOM). */
  reportPath?: string;
  maxInFlight?: number;
  fetch?: FetchLike;
  now?: Now;
  sleep?: Sleep;
  random?: () => number;
  wallNow?: () => number;
  /** Sender limits, for tests and for the CLI's patience. */
  maxAttempts?: number;
  outageThresholdMs?: number;
  onProgress?: (progress: JobProgress) => void;
  /**
   * Cells typed over, rows skipped, or the only rows to consider (see `RowEdits`); kept beside the
   * journal, so a resume applies them again without being given them.
   */
  edits?: RowEdits;
  /**
   * Send events the duplicate guard found sent to this destination before, too (the CLI's
   * `--send-again`, the review's "Send them again"). By default they are skipped and reported.
   */
  sendAgain?: boolean;
  /**
   * Send only the first this many valid events, then stop as a paused job that a resume
   * continues (the review's "Send a sample first", the CLI's `--sample`). New jobs only.
   */
  sample?: number;
  /** Rows and events the validation counted, kept in the journal so a resume offer can say "x of y". */
  expected?: { dataRows: number; events: number } | null;
}

/** How a job ended: `interrupted` can be resumed (server unavailable, paused by the user and quit). */
export interface JobResult {
  outcome: JobOutcome;
  jobId: string | null;
  /** Plain words: what happened and what to do. */
  message: string;
  progress: JobProgress;
  mappingIssues: MappingIssue[];
  reportPath: string | null;
  reportRows: number;
  /** When the job stopped after a sample: how many events it sent, and their customers' IDs. */
  sample: SampleSent | null;
}

/** What a sample sent: the events' count and the customers to look them up by in Customerscore. */
export interface SampleSent {
  events: number;
  /** The sample's customer IDs, each once, in file order. */
  customers: string[];
}

export interface ImportJob {
  pause(): void;
  resume(): void;
  /** Stops sending; requests under way are abandoned (their rows count as possible duplicates). */
  cancel(): void;
  /**
   * Stops taking new batches, lets requests under way finish, and ends as `interrupted`: the
   * journal stays open for a resume (Ctrl+C in the CLI, quitting the app).
   */
  interrupt(): void;
  progress(): JobProgress;
  readonly done: Promise<JobResult>;
}

/** Why a job stops before (or instead of) completing, in plain words. */
export type Stop = { outcome: JobResult['outcome']; message: string };
