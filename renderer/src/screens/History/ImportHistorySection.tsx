import { useState, type ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { ImportJobSummary } from '../../../../shared/ipc-import';
import { useImportHistory } from '../../api/useImportHistory';
import { count, duration } from '../../../../shared/wording';

const STATES: Record<ImportJobSummary['state'], string> = {
  running: 'Sending now',
  paused: 'Paused',
  interrupted: 'Stopped before the end (can be resumed on the Import screen)',
  completed: 'Complete',
  cancelled: 'Cancelled',
  failed: 'Stopped by a problem',
};

/** An interrupted job the person chose not to resume is no longer offered on the Import screen. */
const NOT_RESUMED = 'Stopped before the end (you chose not to resume it)';

function stateLabel(job: ImportJobSummary): string {
  return job.state === 'interrupted' && job.dismissed ? NOT_RESUMED : STATES[job.state];
}

/**
 * "150 of 450" when the job sent fewer than it was to send. Events skipped as sent before were
 * never among them: a complete job that skipped some shows its count alone.
 */
function SentCount({ job }: { job: ImportJobSummary }): ReactElement {
  const toSend = job.totalEvents === null ? null : job.totalEvents - job.alreadySent;
  return (
    <>
      {count(job.sent)}
      {toSend !== null && job.sent !== toSend && (
        <span className="text-muted"> of {count(toSend)}</span>
      )}
    </>
  );
}

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The imports of this computer: file, profile, counts, duration, and their rejected-rows reports. */
export function ImportHistorySection(): ReactElement {
  const history = useImportHistory();
  const [problem, setProblem] = useState<string | null>(null);
  const jobs = history.jobs;

  return (
    <section
      className="hi-section"
      aria-labelledby="hi-imports-heading"
      data-state={jobs !== null || history.problem ? 'ready' : 'loading'}
    >
      <div className="section-head">
        <h2 id="hi-imports-heading" className="section-title">
          Imports
        </h2>
        <Button className="button" onPress={history.reload}>
          Refresh
        </Button>
      </div>
      {(history.problem ?? problem) && (
        <p role="alert" className="notice notice--error">
          {history.problem ?? problem}
        </p>
      )}
      {jobs === null && !history.problem && <p className="text-muted">Loading…</p>}
      {jobs?.length === 0 && (
        <p className="text-muted">
          No imports yet. Imports you start on the Import screen are listed here.
        </p>
      )}
      {jobs && jobs.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Imports, newest first</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Profile</th>
                <th scope="col">Started</th>
                <th scope="col">Duration</th>
                <th scope="col" className="data-table__number">
                  Sent
                </th>
                <th scope="col" className="data-table__number">
                  Not sent
                </th>
                <th scope="col">Status</th>
                <th scope="col">Report</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.jobId}>
                  <th scope="row" className="hi-file" title={job.filePath}>
                    {job.fileName}
                  </th>
                  <td>{job.profileName ?? '–'}</td>
                  <td>{when.format(new Date(job.startedAt))}</td>
                  <td>{job.durationMs === null ? '–' : duration(job.durationMs / 1000)}</td>
                  <td className="data-table__number">
                    <SentCount job={job} />
                  </td>
                  <td className="data-table__number">{count(job.rejected)}</td>
                  <td>
                    {stateLabel(job)}
                    {job.possibleDuplicates > 0 && (
                      <span className="text-muted">
                        {' '}
                        · {count(job.possibleDuplicates)} possible duplicates
                      </span>
                    )}
                    {job.alreadySent > 0 && (
                      <span className="text-muted">
                        {' '}
                        · {count(job.alreadySent)} skipped: sent before
                      </span>
                    )}
                  </td>
                  <td>
                    {job.hasReport ? (
                      <Button
                        className="button"
                        aria-label={`Download rejected rows of ${job.fileName}`}
                        onPress={() => void history.downloadReport(job.jobId).then(setProblem)}
                      >
                        Download
                      </Button>
                    ) : (
                      <span className="text-muted">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
