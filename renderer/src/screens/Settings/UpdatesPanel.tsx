import type { ReactElement } from 'react';
import { Button, ProgressBar } from 'react-aria-components';
import { describeUpdate, restartBlockedReason } from './updates';
import type { UpdatesForm } from './useUpdates';

/**
 * The installed app's updates: the version, where the update stands in words, "Check for updates
 * automatically", "Check now" and, once an update is downloaded, "Restart to update" (held back
 * while an import is being sent, with the reason beside it).
 */
export function UpdatesPanel({ form }: { form: UpdatesForm }): ReactElement {
  const { status } = form;
  if (status === null) {
    return (
      <p className={form.error === null ? 'text-muted' : 'text-error'} role="status">
        {form.error ?? 'Reading the update status…'}
      </p>
    );
  }
  const { state } = status;
  const blocked = restartBlockedReason(status);
  const checking =
    state.kind === 'checking' || state.kind === 'downloading' || state.kind === 'restarting';
  const sentence = describeUpdate(status);
  return (
    <div className="st-updates" data-state={state.kind}>
      <p>
        Installed version: <strong data-testid="installed-version">{status.currentVersion}</strong>
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={status.automatic}
          disabled={form.busy}
          onChange={(event) => void form.setAutomatic(event.target.checked)}
        />
        Check for updates automatically
      </label>
      <div className="st-updates__state">
        <p
          data-testid="update-state"
          className={state.kind === 'failed' ? 'text-error' : undefined}
          role="status"
        >
          {sentence}
        </p>
        {state.kind === 'downloading' ? (
          <ProgressBar
            className="st-updates__bar"
            aria-label={`Downloading version ${state.version}`}
            value={state.percent}
            valueLabel={`${state.percent}%`}
          >
            {({ percentage = 0 }) => (
              <div className="st-updates__fill" style={{ width: `${percentage.toFixed(1)}%` }} />
            )}
          </ProgressBar>
        ) : null}
      </div>
      <div className="actions">
        {state.kind === 'ready' ? (
          <Button
            className="button button--primary"
            isDisabled={form.busy || blocked !== null || status.restartPending}
            aria-describedby={blocked === null ? undefined : 'update-restart-reason'}
            onPress={() => void form.restart()}
          >
            Restart to update
          </Button>
        ) : null}
        {state.kind === 'unavailable' || state.kind === 'ready' ? null : (
          <Button
            className="button"
            isDisabled={form.busy || checking}
            onPress={() => void form.checkNow()}
          >
            Check now
          </Button>
        )}
      </div>
      {blocked === null ? null : (
        <p id="update-restart-reason" className="text-muted">
          {blocked}
        </p>
      )}
      {form.error === null ? null : (
        <p className="text-error" role="alert">
          {form.error}
        </p>
      )}
    </div>
  );
}
