import { useState, type ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { JobEnd, JobUpdate } from '../../../../shared/ipc-import';
import {
  continueImport,
  downloadJobReport,
  reviewRefused,
  startOver,
} from '../../api/import-send-actions';
import type { WizardState } from '../../api/import-wizard-store';
import { StatList } from './StatList';
import { count, plural } from '../../../../shared/wording';

const HEADINGS: Record<JobEnd['outcome'], string> = {
  completed: 'Import complete',
  cancelled: 'Import cancelled',
  failed: 'Import stopped',
  interrupted: 'Import paused',
};

/** The outcome in one sentence; a completed import's own words, others the engine's reason. */
function endSentence(end: JobEnd, progress: JobUpdate['progress'], fileName: string): string {
  if (end.outcome !== 'completed') return end.message;
  const { eventsSent, rejectedRows, alreadySent } = progress;
  const notSent = rejectedRows > 0 ? `; ${plural(rejectedRows, 'row')} not sent` : '';
  const skipped =
    alreadySent > 0 ? `, ${plural(alreadySent, 'event')} skipped: already sent before` : '';
  return `All of ${fileName} was read: ${plural(eventsSent, 'event')} sent${skipped}${notSent}.`;
}

/** How an upload ended: the counts, the report of rows not sent, and what can be done next. */
export function ImportEnd({
  state,
  update,
  end,
}: {
  state: WizardState;
  update: JobUpdate;
  end: JobEnd;
}): ReactElement {
  const [problem, setProblem] = useState<string | null>(null);
  const { progress } = update;
  const canFix =
    end.refusedRows > 0 && update.sessionId !== null && update.sessionId === state.open?.sessionId;
  const resumable = end.outcome === 'failed' || end.outcome === 'interrupted';
  return (
    <section className="im-panel" aria-labelledby="im-end-heading">
      <h2 id="im-end-heading" className="section-title" tabIndex={-1}>
        {HEADINGS[end.outcome]}
      </h2>
      <p role="status">{endSentence(end, progress, update.fileName)}</p>
      <StatList
        stats={[
          { term: 'Sent', value: count(progress.eventsSent) },
          { term: 'Not sent (rejected)', value: count(progress.rejectedRows) },
          { term: 'Possible duplicates', value: count(progress.possibleDuplicates) },
          // Only when the duplicate guard skipped some: a fourth zero would be noise.
          ...(progress.alreadySent > 0
            ? [{ term: 'Skipped: sent before', value: count(progress.alreadySent) }]
            : []),
        ]}
      />
      {progress.maybeSentBefore > 0 && (
        <p className="text-muted">
          {plural(progress.maybeSentBefore, 'event')} had been sent before in a request whose answer
          never came, and {progress.maybeSentBefore === 1 ? 'was' : 'were'} sent again: they may
          arrive twice.
        </p>
      )}
      {progress.possibleDuplicates > 0 && (
        <p className="text-muted">
          {plural(progress.possibleDuplicates, 'event')} may have arrived twice: a request was sent
          but its answer was lost, so it was sent again.
        </p>
      )}
      {canFix && (
        <div className="notice notice--row">
          <p className="notice__text">
            The server refused {plural(end.refusedRows, 'row')}.{' '}
            {end.refusedRows === 1
              ? 'Fix it in the table and send it again.'
              : 'Fix them in the table and send only those again.'}
          </p>
          <Button className="button button--primary" onPress={reviewRefused}>
            Fix the refused rows
          </Button>
        </div>
      )}
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <div className="actions">
        {end.reportRows > 0 && (
          <Button
            className="button"
            onPress={() => void downloadJobReport(update.jobId).then(setProblem)}
          >
            Download rejected rows
          </Button>
        )}
        {resumable && (
          <Button
            className="button button--primary"
            isDisabled={state.busy}
            onPress={() => void continueImport(update.jobId)}
          >
            Resume
          </Button>
        )}
        <span className="actions__spacer" />
        <Button className="button" onPress={startOver}>
          Import another file
        </Button>
      </div>
    </section>
  );
}
