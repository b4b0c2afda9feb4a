import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { InterruptedImport } from '../../../../shared/ipc-import';
import { startInterruptedAgain } from '../../api/import-actions';
import {
  closeResumeQuestion,
  continueImport,
  dismissInterrupted,
} from '../../api/import-send-actions';
import { count } from '../../../../shared/wording';
import { ResumeDestinationDialog } from './ResumeDestinationDialog';

/** "Resume import of customers.csv: 412,000 of 1,000,000 sent", for each interrupted import. */
export function ResumeOffers({
  jobs,
  busy,
  problem,
  question,
}: {
  jobs: readonly InterruptedImport[];
  busy: boolean;
  /** Why the last resume pressed was refused (e.g. another program is sending that import). */
  problem: { jobId: string; message: string } | null;
  /** The import whose resume asks where to send (its destination is not its profile's). */
  question: string | null;
}): ReactElement | null {
  if (jobs.length === 0) return null;
  const asked = jobs.find((job) => job.jobId === question);
  return (
    <section aria-label="Interrupted imports" className="im-panel">
      {jobs.map((job) => (
        <div key={job.jobId} className="notice notice--row">
          <p className="notice__text">
            <strong>Resume import of {job.fileName}:</strong>{' '}
            {job.totalEvents === null
              ? `${count(job.sent)} events sent so far.`
              : `${count(job.sent)} of ${count(job.totalEvents)} sent.`}{' '}
            <span className="text-muted">
              {job.destination.problem === null
                ? 'It stopped before the end; nothing was lost, and it continues where it stopped.'
                : 'It stopped before the end, and it was started for another destination than the profile sends to now: Resume asks what to do, and sends nothing.'}
            </span>
          </p>
          <Button
            className="button button--primary"
            isDisabled={busy}
            onPress={() => void continueImport(job.jobId)}
            aria-label={`Resume import of ${job.fileName}`}
          >
            Resume
          </Button>
          <Button
            className="button"
            onPress={() => void dismissInterrupted(job.jobId)}
            aria-label={`Don't resume the import of ${job.fileName}`}
          >
            Don&apos;t resume
          </Button>
          {problem?.jobId === job.jobId && (
            <p role="alert" className="notice notice--error im-resume-problem">
              {problem.message}
            </p>
          )}
        </div>
      ))}
      {asked && (
        <ResumeDestinationDialog
          job={asked}
          onStartAgain={() => void startInterruptedAgain(asked.jobId)}
          onClose={closeResumeQuestion}
        />
      )}
    </section>
  );
}
