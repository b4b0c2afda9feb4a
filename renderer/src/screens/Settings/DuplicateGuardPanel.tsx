import { Fragment, useEffect, useRef } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { plural } from '../../../../shared/wording';
import { describeDestination, describeLedger } from './duplicate-guard';
import type { LedgerForm } from './useLedger';

/**
 * The duplicate guard of the profile: what it remembers now, and forgetting it, after a
 * confirmation that says what forgetting means (the same rows imported again arrive twice).
 */
export function DuplicateGuardPanel({ form }: { form: LedgerForm }): ReactElement {
  const { stats } = form;
  const destination = stats?.destination ?? null;
  const events = stats?.events ?? 0;
  const figures = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // Forgetting disables the button that had the focus: the new figures take it, so the focus
    // is not lost to the page and a screen reader reads what is remembered now.
    if (form.outcome?.ok === true) figures.current?.focus();
  }, [form.outcome]);
  return (
    <div className="st-duplicate-guard">
      {form.loadError !== null ? (
        <p className="notice notice--error" role="alert">
          What the app remembers could not be read: {form.loadError}
        </p>
      ) : (
        <p data-testid="duplicate-guard-figures" ref={figures} tabIndex={-1}>
          {stats === null ? (
            'Reading what the app remembers…'
          ) : (
            <KeyTogether text={describeLedger(stats)} trackerKey={destination?.trackerKey} />
          )}
        </p>
      )}
      <div className="actions">
        <ConfirmDialog
          trigger={
            <Button
              className="button button--danger"
              isDisabled={form.busy || destination === null || events === 0}
            >
              Forget sent events…
            </Button>
          }
          title={`Forget the ${plural(events, 'event')} sent to ${destination?.trackerKey ?? ''}?`}
          cancelLabel="Keep them"
          confirmLabel="Forget sent events"
          onConfirm={() => void form.clear()}
        >
          <p>
            The app will no longer know which events it sent to{' '}
            {destination === null ? (
              'this destination'
            ) : (
              <KeyTogether
                text={describeDestination(destination)}
                trackerKey={destination.trackerKey}
              />
            )}
            .
          </p>
          <p>
            If you import the same rows again, they are sent again and Customerscore counts them
            twice.
          </p>
          <p>Events already in Customerscore are not touched: nothing is deleted there.</p>
        </ConfirmDialog>
      </div>
      <p className={form.outcome?.ok === false ? 'text-error' : 'text-success'} role="status">
        {form.outcome?.message ?? ''}
      </p>
    </div>
  );
}

/** `text` with each `trackerKey` in it kept on one line ("CS-" and "TEST1" never split apart). */
function KeyTogether({ text, trackerKey }: { text: string; trackerKey?: string }): ReactElement {
  if (trackerKey === undefined || trackerKey === '') return <>{text}</>;
  const parts = text.split(trackerKey);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <span className="st-nowrap">{trackerKey}</span>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
