import { useId } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { SendHistorySummary } from '../../../../shared/send-history';
import type { SendHistoryState } from '../../api/useSendHistory';
import { ConfirmButton } from './ConfirmButton';
import { localDateTimeText } from './timestamp-text';

export interface HistoryPanelProps {
  history: SendHistoryState;
  /** The entry shown in the response panel, marked in the list. */
  openId: string | null;
  onOpen: (id: string) => void;
}

function listText(values: string[], max = 3): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

function HistoryLine({ item }: { item: SendHistorySummary }): ReactElement {
  const tone =
    item.status === null ? 'bad' : item.status < 300 ? 'ok' : item.status === 429 ? 'wait' : 'bad';
  return (
    <>
      <span className={`se-badge se-badge--${tone}`}>{item.status ?? 'No answer'}</span>
      <span className="se-history__main">
        <span className="se-history__names">{listText(item.eventNames)}</span>
        <span className="se-history__meta">
          {item.eventCount === 1 ? 'customer' : `${item.eventCount} events, customers`}{' '}
          {listText(item.customerIds)} · profile {item.profileName}
        </span>
      </span>
      <span className="se-history__time">{localDateTimeText(item.sentAt)}</span>
    </>
  );
}

/** Every request sent from this screen, newest first, searchable; one opens in the response panel. */
export function HistoryPanel({ history, openId, onOpen }: HistoryPanelProps): ReactElement {
  const searchId = useId();
  const { list } = history;
  const count = list?.stored ?? 0;
  const summary =
    list === null
      ? 'Loading…'
      : history.query.trim() === ''
        ? `${count} ${count === 1 ? 'request' : 'requests'}, newest first. The last 1,000 are kept.`
        : `${list.matching} of ${count} ${count === 1 ? 'request matches' : 'requests match'}.`;

  return (
    <section className="se-card se-history" aria-labelledby="se-history-title">
      <div className="se-history__header">
        <h2 id="se-history-title" className="se-card__title">
          Sent from this screen
        </h2>
        <ConfirmButton
          label="Clear history"
          title="Clear the whole history?"
          confirmLabel="Clear history"
          isDisabled={count === 0}
          onConfirm={() => void history.clear()}
        >
          <p>
            All {count} requests and their answers are removed from this computer. Templates stay.
          </p>
        </ConfirmButton>
      </div>
      <div className="se-field">
        <label className="se-field__label" htmlFor={searchId}>
          Search history
        </label>
        <input
          id={searchId}
          className="se-input se-input--wide"
          type="search"
          value={history.query}
          placeholder="event name or customer ID"
          aria-describedby={`${searchId}-summary`}
          onChange={(event) => history.setQuery(event.target.value)}
        />
        <p id={`${searchId}-summary`} className="se-field__description" aria-live="polite">
          {summary}
        </p>
      </div>
      {history.error ? <p className="se-notice se-notice--error">{history.error}</p> : null}
      {list && list.entries.length > 0 ? (
        <ul className="se-history__list">
          {list.entries.map((item) => (
            <li key={item.id}>
              <Button
                className="se-history__item"
                aria-current={item.id === openId ? 'true' : undefined}
                onPress={() => onOpen(item.id)}
              >
                <HistoryLine item={item} />
              </Button>
            </li>
          ))}
        </ul>
      ) : list && count > 0 ? (
        <p className="se-muted">Nothing matches “{history.query.trim()}”.</p>
      ) : null}
      {list && list.matching > list.entries.length ? (
        <Button className="se-button" onPress={history.showMore}>
          Show more
        </Button>
      ) : null}
    </section>
  );
}
