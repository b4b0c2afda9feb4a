import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { JobUpdate } from '../../../../shared/ipc-import';
import {
  cancelImport,
  continueImport,
  pauseImport,
  resumeImport,
} from '../../api/import-send-actions';
import type { WizardState } from '../../api/import-wizard-store';
import { CancelDialog } from './CancelDialog';
import { ImportEnd } from './ImportEnd';
import { SampleEnd } from './SampleEnd';
import { ProgressBar } from './ProgressBar';
import { StatList } from './StatList';
import { count, duration, plural } from '../../../../shared/wording';

function progressText(update: JobUpdate): string {
  const { progress, totalEvents } = update;
  const sent =
    totalEvents === null
      ? `${plural(progress.eventsSent, 'event')} sent`
      : `${count(progress.eventsSent)} of ${plural(totalEvents, 'event')} sent`;
  return `${sent}.`;
}

/** Step 4: the upload as it goes (progress, pace, time left, state in words), and how it ended. */
export function SendStep({ state }: { state: WizardState }): ReactElement {
  const update = state.job;
  if (!update) {
    return (
      <section className="im-panel" aria-labelledby="im-send-heading">
        <h2 id="im-send-heading" className="section-title">
          Sending
        </h2>
        <p role="status" className="text-muted">
          Starting the import…
        </p>
      </section>
    );
  }
  if (update.end?.sample) {
    return <SampleEnd state={state} update={update} end={update.end} sample={update.end.sample} />;
  }
  if (update.end) return <ImportEnd state={state} update={update} end={update.end} />;

  const { progress } = update;
  const paused = progress.phase === 'paused';
  const max = update.totalEvents ?? Math.max(1, progress.fileSize);
  const value = update.totalEvents === null ? progress.bytesRead : progress.eventsSent;
  return (
    <section className="im-panel" aria-labelledby="im-send-heading">
      <h2 id="im-send-heading" className="section-title">
        Sending {update.fileName}
      </h2>
      <ProgressBar label="Events sent" value={value} max={max} text={progressText(update)} />
      <p role="status" className="im-state">
        {progress.message}
      </p>
      <StatList
        stats={[
          { term: 'Sent', value: count(progress.eventsSent) },
          { term: 'Not sent (rejected)', value: count(progress.rejectedRows) },
          { term: 'Events per second', value: count(progress.eventsPerSecond) },
          {
            term: 'Time left',
            value: progress.etaSeconds === null ? '–' : `about ${duration(progress.etaSeconds)}`,
          },
        ]}
      />
      {state.sendProblem && (
        <p role="alert" className="notice notice--error">
          {state.sendProblem}
        </p>
      )}
      <div className="actions">
        {paused ? (
          <Button className="button button--primary" onPress={() => void resumeImport()}>
            Resume
          </Button>
        ) : (
          <Button className="button" onPress={() => void pauseImport()}>
            Pause
          </Button>
        )}
        <CancelDialog sent={progress.eventsSent} onConfirm={() => void cancelImport()} />
        <span className="actions__spacer" />
        <span className="text-muted text-small">
          You can leave this screen: the import goes on, and it continues after a restart.
        </span>
      </div>
      {(progress.phase === 'failed' || progress.phase === 'interrupted') && state.jobId && (
        <Button className="button" onPress={() => void continueImport(state.jobId ?? '')}>
          Try again
        </Button>
      )}
    </section>
  );
}
