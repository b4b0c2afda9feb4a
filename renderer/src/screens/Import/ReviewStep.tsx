import { startTransition, useOptimistic, type ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { issueKindLabel, issueKindSchema } from '../../../../shared/issues';
import { goTo } from '../../api/import-actions';
import {
  chooseSampleSize,
  chooseSendAgain,
  downloadRejected,
  setView,
} from '../../api/import-review-actions';
import { startImport } from '../../api/import-send-actions';
import type { OpenFile, WizardState } from '../../api/import-wizard-store';
import { useImportRows } from '../../api/useImportRows';
import { AlreadySentChoice } from './AlreadySentChoice';
import { SampleControl } from './SampleControl';
import { ProgressBar } from './ProgressBar';
import { ReviewTable } from './ReviewTable';
import { count, plural } from '../../../../shared/wording';

/** Step 3: the whole file checked, its problems counted, every row in a table to fix or skip. */
export function ReviewStep({ state, open }: { state: WizardState; open: OpenFile }): ReactElement {
  const { summary, validating, view } = state;
  const rows = useImportRows(summary ? open.sessionId : null, view, state.rowsVersion);
  const kinds = summary
    ? issueKindSchema.options.filter((kind) => (summary.issueCounts[kind] ?? 0) > 0)
    : [];
  const refusedView = view === 'refused';
  const problemRows = summary ? summary.invalidRows + summary.warnedRows : 0;
  // The box shows the choice at once; the main process confirms it a moment later.
  const [skipAll, setSkipAll] = useOptimistic(summary?.skipProblems ?? false);
  // Events the destination already has are left out unless the person chose to send them again.
  const skippedAsSent = summary?.alreadySent && !state.sendAgain ? summary.alreadySent.sent : 0;
  const toSend = summary ? Math.max(0, summary.readyRows - skippedAsSent) : 0;

  return (
    <section className="im-panel im-panel--wide" aria-labelledby="im-review-heading">
      <h2 id="im-review-heading" className="section-title">
        {refusedView
          ? 'Fix the rows the server refused'
          : `Review the rows of ${open.file.fileName}`}
      </h2>
      {validating && (
        <ProgressBar
          label="Checking every row"
          value={validating.bytesRead}
          max={Math.max(1, validating.fileSize)}
          text={`Checking every row… ${plural(validating.rowsRead, 'row')} checked so far.`}
        />
      )}
      {state.reviewProblem && (
        <p role="alert" className="notice notice--error">
          {state.reviewProblem}
        </p>
      )}
      {summary && (
        <>
          <ul className="im-counts" aria-label="Rows by outcome">
            <li className="im-count">{plural(summary.totalRows, 'row')} in the file</li>
            {!refusedView && (
              <li className="im-count im-count--ok">{count(toSend)} ready to send</li>
            )}
            {!refusedView && skippedAsSent > 0 && (
              <li className="im-count">{count(skippedAsSent)} already sent before</li>
            )}
            {summary.invalidRows > 0 && (
              <li className="im-count im-count--error">
                {count(summary.invalidRows)} cannot be sent as they are
              </li>
            )}
            {summary.skippedRows > 0 && (
              <li className="im-count">{count(summary.skippedRows)} skipped</li>
            )}
            {summary.editedRows > 0 && (
              <li className="im-count">{count(summary.editedRows)} changed by you</li>
            )}
            {summary.refusedRows > 0 && (
              <li className="im-count im-count--error">
                {count(summary.refusedRows)} refused by the server
              </li>
            )}
          </ul>
          {kinds.length > 0 && (
            <ul className="im-counts" aria-label="Problems by kind">
              {kinds.map((kind) => (
                <li key={kind} className="im-count">
                  {plural(summary.issueCounts[kind] ?? 0, 'row')}: {issueKindLabel(kind)}
                </li>
              ))}
            </ul>
          )}
          {!refusedView && summary.alreadySent && (
            <AlreadySentChoice
              found={summary.alreadySent}
              sendAgain={state.sendAgain}
              onChange={chooseSendAgain}
            />
          )}
          <p className="text-muted text-small">
            {summary.timestampDescription} Times without a zone are read in {summary.zone}. To
            change a cell, select it and press Enter (or double-click it); press Enter to keep the
            change or Escape to drop it. The file itself is never changed.
          </p>
          <div className="im-row im-row--center">
            {refusedView ? (
              <Button className="button" onPress={() => setView('all')}>
                Show all rows
              </Button>
            ) : (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={view === 'problems'}
                  onChange={(event) => setView(event.target.checked ? 'problems' : 'all')}
                />
                Only rows with problems
              </label>
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={skipAll}
                disabled={summary.invalidRows === 0 && !summary.skipProblems}
                onChange={(event) => {
                  const skip = event.target.checked;
                  startTransition(async () => {
                    setSkipAll(skip);
                    await rows.skip('problems', skip);
                  });
                }}
              />
              Skip all rows that cannot be sent
            </label>
            <span className="actions__spacer" />
            <Button
              className="button"
              isDisabled={state.busy}
              onPress={() => void downloadRejected()}
            >
              Download rejected rows
            </Button>
          </div>
          <ReviewTable
            label={`Rows of ${open.file.fileName}`}
            header={open.file.header}
            rows={rows}
            emptyText={
              view === 'problems'
                ? 'No row has a problem.'
                : refusedView
                  ? 'The server refused no rows.'
                  : 'The file has no rows.'
            }
          />
        </>
      )}
      {state.sendProblem && (
        <p role="alert" className="notice notice--error">
          {state.sendProblem}
        </p>
      )}
      <div className="actions">
        <Button className="button" onPress={() => goTo('map')} isDisabled={Boolean(validating)}>
          Back
        </Button>
        <span className="actions__spacer" />
        {summary && (
          <span className="text-muted" aria-live="polite">
            {refusedView
              ? `${plural(summary.refusedRows, 'row')} will be sent again.`
              : `${plural(toSend, 'event')} will be sent` +
                (problemRows > 0 && summary.invalidRows > 0
                  ? `; ${plural(summary.invalidRows, 'row')} will not`
                  : '') +
                (skippedAsSent > 0
                  ? `; ${count(skippedAsSent)} sent before will be skipped.`
                  : '.')}
          </span>
        )}
        {!refusedView && (
          <SampleControl
            size={state.sampleSize}
            disabled={!summary || state.busy || toSend === 0}
            onSize={chooseSampleSize}
            onSend={() => void startImport('all', { sample: state.sampleSize })}
          />
        )}
        <Button
          className="button button--primary"
          isDisabled={!summary || state.busy}
          onPress={() => void startImport(refusedView ? 'refused' : 'all')}
        >
          {refusedView ? 'Send these rows again' : 'Start import'}
        </Button>
      </div>
    </section>
  );
}
