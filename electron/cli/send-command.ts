import path from 'node:path';
import { startImportJob, type JobResult } from '../engine/job/job';
import { JobLockedError } from '../engine/job/job-lock';
import { LedgerError } from '../engine/ledger/ledger-error';
import { JournalError } from '../engine/journal/journal';
import { listJobs } from '../engine/journal/journal-list';
import { ReadError } from '../engine/reading/reader';
import { sendDestination, sendingKey, type TargetProblem } from '../store/send-target';
import { chooseProfile, openCliContext } from './cli-context';
import { count, duration, plural } from '../../shared/wording';
import { MAX_SAMPLE_EVENTS } from '../../shared/ipc-import';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import { dryRun } from './dry-run';
import { loadMapping } from './load-mapping';
import { mappingMismatchError, openedHeader } from './mapping-mismatch';
import { environmentCodePage } from '../engine/reading/system-code-page';
import { sheetNoticeFor, withSheet } from './sheet-choice';
import { parseRate } from './parse-rate';
import { createProgressView } from './progress-view';

export interface SendCommandOptions {
  mapping: string;
  sheet?: string;
  trackerKey?: string;
  endpoint?: string;
  report?: string;
  rate?: string;
  resume?: boolean;
  sendAgain?: boolean;
  sample?: string;
  dryRun?: boolean;
  profile?: string;
}

/** A profile that cannot send, in the words of the command line: its flags, not Settings. */
function cliProblem(problem: TargetProblem): CliError {
  switch (problem.code) {
    case 'tracker_key':
      return new CliError(
        `No tracker key: give --tracker-key, or store one in the profile with "profile set --tracker-key <key>".`,
      );
    case 'api_key':
    case 'keychain': {
      const detail = problem.code === 'keychain' ? ` (${problem.message})` : '';
      return new CliError(
        `No API key: set the environment variable CUSTOMERSCORE_KEY, or store one for this profile with "key set"${detail}.`,
      );
    }
    case 'endpoint':
    case 'unsendable_key':
      return new CliError(problem.message);
  }
}

function alreadySent(events: number): string {
  return `${plural(events, 'event')} ${events === 1 ? 'was' : 'were'} already sent`;
}

/**
 * The newest unfinished job for this file and destination (`same`), and the newest for this file
 * whatever its destination (`any`): resuming a job whose journal names another tracker key or
 * endpoint is refused by the engine, in words naming both (see journal-destination.ts).
 */
async function findResumable(dataDir: string, file: string, trackerKey: string, endpoint: string) {
  const jobs = (await listJobs(dataDir)).filter((job) => path.resolve(job.filePath) === file);
  const same = jobs.find((job) => job.trackerKey === trackerKey && job.endpoint === endpoint);
  return { same, any: same ?? jobs[0] };
}

function printSummary(io: CliIo, result: JobResult, elapsedMs: number): void {
  const p = result.progress;
  const out = io.stdout;
  line(out, result.message);
  line(out, `  rows read:            ${count(p.rowsRead)}`);
  line(out, `  events sent:          ${count(p.eventsSent)}`);
  line(
    out,
    `  rows not sent:        ${count(p.rejectedRows)} (refused by the server: ${count(p.rejectedByServer)})`,
  );
  if (p.alreadySent > 0) {
    line(
      out,
      `  already sent before:  ${count(p.alreadySent)} (skipped; --send-again sends them anyway)`,
    );
  }
  if (p.maybeSentBefore > 0) {
    line(
      out,
      `  maybe sent before:    ${count(p.maybeSentBefore)} (sent again: an earlier answer was lost, so they may arrive twice)`,
    );
  }
  line(out, `  possible duplicates:  ${count(p.possibleDuplicates)}`);
  line(out, `  requests:             ${count(p.requests)} (retries: ${count(p.retries)})`);
  line(out, `  time:                 ${duration(elapsedMs / 1000)}`);
  if (result.reportPath) {
    line(out, `  report of rows not sent: ${result.reportPath}`);
  }
  if (result.sample !== null) {
    const shown = result.sample.customers.slice(0, 5);
    const more = result.sample.customers.length - shown.length;
    line(
      out,
      `  Check them in Customerscore: the event history of ${shown.join(', ')}${more > 0 ? ` and ${plural(more, 'other customer')}` : ''}.`,
    );
    line(out, `  To send the rest of the file, run the same command with --resume.`);
  } else if (result.outcome === 'interrupted' || result.outcome === 'failed') {
    if (result.jobId) line(out, `  To continue later, run the same command with --resume.`);
  }
}

/** `--sample <events>` as a number; refused with `--resume` (a sample starts a new import). */
function sampleSize(options: SendCommandOptions): number | undefined {
  if (options.sample === undefined) return undefined;
  if (options.resume === true) {
    throw new CliError(
      'A sample starts a new import: give --sample without --resume, or --resume alone to send the rest.',
    );
  }
  const events = Number(options.sample);
  if (!Number.isInteger(events) || events < 1 || events > MAX_SAMPLE_EVENTS) {
    throw new CliError(
      `--sample takes a whole number of events from 1 to ${count(MAX_SAMPLE_EVENTS)}, e.g. --sample 5.`,
    );
  }
  return events;
}

function exitCodeOf(result: JobResult): number {
  // A sample that stopped as asked is a success unless the server refused some of it (rows the
  // file cannot send are in the report at the end); `--resume` sends the rest.
  if (result.sample !== null) {
    return result.progress.rejectedByServer > 0 ? EXIT.someRowsNotSent : EXIT.ok;
  }
  if (result.outcome !== 'completed') return EXIT.fatal;
  return result.progress.rejectedRows > 0 ? EXIT.someRowsNotSent : EXIT.ok;
}

/**
 * `send <file> --mapping <m.json> --tracker-key <key> [--endpoint <url>] [--report <csv>]
 * [--rate 200/60s] [--resume] [--dry-run] [--profile <name>]`.
 */
export async function sendCommand(
  file: string,
  options: SendCommandOptions,
  io: CliIo,
): Promise<number> {
  const sample = sampleSize(options);
  const mapping = withSheet(await loadMapping(options.mapping, io.cwd), options.sheet);
  const fullPath = path.resolve(io.cwd, file);
  const context = openCliContext(io);
  const profile = await chooseProfile(context, options.profile);

  const where = sendDestination(profile, {
    trackerKey: options.trackerKey,
    endpoint: options.endpoint,
    rate: options.rate === undefined ? undefined : parseRate(options.rate),
  });
  if (!where.ok) throw cliProblem(where);
  const { trackerKey, endpoint, rate } = where.destination;

  const notice = await sheetNoticeFor(fullPath, mapping);
  if (notice !== null) line(io.stdout, notice);
  if (options.dryRun) {
    const sendAgain = options.sendAgain === true;
    return dryRun(
      fullPath,
      mapping,
      { trackerKey, endpoint, dataDir: context.dataDir, sendAgain },
      io,
    );
  }

  // `CUSTOMERSCORE_KEY` first, else the profile's key in the keychain. Never printed.
  const fromEnv = io.env['CUSTOMERSCORE_KEY']?.trim();
  const key = await sendingKey(context.secrets, profile, fromEnv === '' ? undefined : fromEnv);
  if (!key.ok) throw cliProblem(key);
  const apiKey = key.key;
  let resumeJobId: string | undefined;
  const { same: existing, any: interrupted } = await findResumable(
    context.dataDir,
    fullPath,
    trackerKey,
    endpoint,
  );
  if (options.resume) {
    if (!interrupted) {
      throw new CliError(
        `No interrupted import of ${path.basename(fullPath)} to ${trackerKey} was found. Run the command without --resume to start a new import.`,
      );
    }
    resumeJobId = interrupted.jobId;
    // Only one that sends where this command does: any other is refused before anything is sent.
    if (existing) {
      line(
        io.stdout,
        `Resuming the import of ${existing.fileName}: ${alreadySent(existing.counts.acceptedRows)}.`,
      );
    }
  } else if (existing) {
    line(
      io.stderr,
      `Note: an earlier import of this file was interrupted (${plural(existing.counts.acceptedRows, 'event')} sent). A new import skips the events already sent; use --resume to continue the earlier one instead.`,
    );
  }

  const started = Date.now();
  const job = startImportJob({
    path: fullPath,
    mapping,
    trackerKey,
    endpoint,
    apiKey,
    rate,
    dataDir: context.dataDir,
    systemCodePage: environmentCodePage(io.env),
    resumeJobId,
    sendAgain: options.sendAgain === true,
    sample,
    reportPath: options.report ? path.resolve(io.cwd, options.report) : undefined,
  });
  const view = createProgressView(io, () => job.progress());
  let interrupts = 0;
  const removeInterrupt = io.onInterrupt(() => {
    interrupts += 1;
    if (interrupts === 1) {
      line(io.stderr, '\nStopping after the requests under way (Ctrl+C again to stop at once)…');
      job.interrupt();
    } else {
      job.cancel();
    }
  });
  let result: JobResult;
  try {
    result = await job.done;
  } catch (error) {
    if (
      error instanceof ReadError ||
      error instanceof JournalError ||
      error instanceof JobLockedError ||
      error instanceof LedgerError
    )
      throw new CliError(error.message);
    throw error;
  } finally {
    view.stop();
    removeInterrupt();
  }
  if (result.mappingIssues.length > 0) {
    throw mappingMismatchError(result.mappingIssues, await openedHeader(fullPath, mapping, io));
  }
  printSummary(io, result, Date.now() - started);
  return exitCodeOf(result);
}
