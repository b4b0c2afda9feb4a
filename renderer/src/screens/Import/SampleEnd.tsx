import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { JobEnd, JobUpdate } from '../../../../shared/ipc-import';
import { goTo } from '../../api/import-actions';
import { continueImport } from '../../api/import-send-actions';
import type { WizardState } from '../../api/import-wizard-store';
import { count, plural } from '../../../../shared/wording';
import { StatList } from './StatList';

/** How many customers the sentence names one by one. */
const NAMED_CUSTOMERS = 5;

/**
 * After "Send a sample first": what the server did with the sample, where to look for it in
 * Customerscore, and the way on: the rest of the same import (its journal and duplicate guard,
 * so no event goes twice), or back to the mapping.
 */
export function SampleEnd({
  state,
  update,
  end,
  sample,
}: {
  state: WizardState;
  update: JobUpdate;
  end: JobEnd;
  sample: NonNullable<JobEnd['sample']>;
}): ReactElement {
  const { progress } = update;
  const accepted = progress.eventsSent;
  const refused = progress.rejectedByServer;
  const skipped =
    state.summary?.alreadySent && !state.sendAgain ? state.summary.alreadySent.sent : 0;
  const rest = Math.max(0, (update.totalEvents ?? 0) - accepted - refused - skipped);
  const named = sample.customers.slice(0, NAMED_CUSTOMERS);
  const others = sample.customers.length - named.length;
  const answer =
    refused === 0
      ? `The server accepted all ${plural(sample.events, 'event')} of the sample.`
      : `The server accepted ${count(accepted)} of the ${plural(sample.events, 'event')} of the sample and refused ${count(refused)}.`;
  return (
    <section className="im-panel" aria-labelledby="im-sample-heading">
      <h2 id="im-sample-heading" className="section-title" tabIndex={-1}>
        Sample sent
      </h2>
      <p role="status">{answer}</p>
      <StatList
        stats={[
          { term: 'Sent', value: count(accepted) },
          { term: 'Refused by the server', value: count(refused) },
          { term: 'Still to send', value: count(rest) },
        ]}
      />
      <p>
        Check them in Customerscore: open the event history of{' '}
        {named.map((customer, i) => (
          <span key={customer}>
            {i > 0 && (i === named.length - 1 && others === 0 ? ' and ' : ', ')}
            <code>{customer}</code>
          </span>
        ))}
        {others > 0 && ` and ${plural(others, 'other customer')}`}.
      </p>
      {refused > 0 && (
        <p className="notice notice--warning">
          Refused events will not be sent again as they are: send the rest, then fix them from the
          end of the import. {end.message}
        </p>
      )}
      <div className="actions">
        <Button className="button" onPress={() => goTo('map')} isDisabled={state.busy}>
          Back to the mapping
        </Button>
        <span className="actions__spacer" />
        <Button
          className="button button--primary"
          isDisabled={state.busy || rest === 0}
          onPress={() => void continueImport(update.jobId)}
        >
          {`Send the other ${count(rest)}`}
        </Button>
      </div>
    </section>
  );
}
