import { useId } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { SEND_HISTORY_LIMIT, type SendHistorySummary } from '../../../../shared/send-history';
import { count, plural } from '../../../../shared/wording';
import type { SendHistoryState } from '../../api/useSendHistory';
import { ConfirmDialog } from '../../components/ConfirmDialog';
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
    item.status === null
      ? 'danger'
      : item.status < 300
        ? 'success'
        : item.status === 429
          ? 'warning'
          : 'danger';
  return (
    <>
      <span className={`badge badge--${tone}`}>{item.status ?? 'No answer'}</span>
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
  const stored = list?.stored ?? 0;
  const summary =
    list === null
      ? 'Loading…'
      : history.query.trim() === ''
        ? `${plural(stored, 'request')}, newest first. The last ${count(SEND_HISTORY_LIMIT)} are kept.`
        : `${count(list.matching)} of ${plural(stored, 'request matches', 'requests match')}.`;

  return (
    <section className="card" aria-labelledby="se-history-title">
      <div className="section-head">
        <h2 id="se-history-title" className="section-title">
          Sent from this screen
        </h2>
        <ConfirmDialog
          trigger={
            <Button className="button button--danger" isDisabled={stored === 0}>
              Clear history
            </Button>
          }
          title="Clear the whole history?"
          confirmLabel="Clear history"
          onConfirm={() => void history.clear()}
        >
          <p>
            All {count(stored)} requests and their answers are removed from this computer. Templates
            stay.
          </p>
        </ConfirmDialog>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          Search history
        </label>
        <input
          id={searchId}
          className="input input--wide"
          type="search"
          value={history.query}
          placeholder="event name or customer ID"
          aria-describedby={`${searchId}-summary`}
          onChange={(event) => history.setQuery(event.target.value)}
        />
        <p id={`${searchId}-summary`} className="field__hint" aria-live="polite">
          {summary}
        </p>
      </div>
      {history.error ? <p className="notice notice--error">{history.error}</p> : null}
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
      ) : list && stored > 0 ? (
        <p className="text-muted">Nothing matches “{history.query.trim()}”.</p>
      ) : null}
      {list && list.matching > list.entries.length ? (
        <Button className="button" onPress={history.showMore}>
          Show more
        </Button>
      ) : null}
    </section>
  );
}
