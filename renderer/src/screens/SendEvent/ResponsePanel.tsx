import type { ReactElement, Ref } from 'react';
import { Button } from 'react-aria-components';
import { describeStatus } from '../../../../shared/api';
import type { SendHistoryEntry } from '../../../../shared/send-history';
import { RetryCountdown } from './RetryCountdown';
import { byteLength, prettyBody, statusLine } from './response-text';
import { localDateTimeText, utcText } from './timestamp-text';

/** What the panel shows: an exchange (new or from the history), or why nothing was sent. */
export type PanelContent =
  | { kind: 'entry'; entry: SendHistoryEntry; fromHistory: boolean }
  | { kind: 'notSent'; message: string; fix: 'settings' | 'request' }
  | { kind: 'error'; message: string };

export interface ResponsePanelProps {
  content: PanelContent | null;
  headingRef: Ref<HTMLHeadingElement>;
  busy: boolean;
  onDuplicate: (entry: SendHistoryEntry) => void;
  onResend: (entry: SendHistoryEntry) => void;
}

function tone(status: number): string {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 429) return 'wait';
  return 'bad';
}

function Exchange({ entry }: { entry: SendHistoryEntry }): ReactElement {
  const { result } = entry;
  const described = result.kind === 'response' ? describeStatus(result.status) : null;
  return (
    <>
      {result.kind === 'response' && described ? (
        <div className={`se-status se-status--${tone(result.status)}`}>
          <p className="se-status__code">{statusLine(result.status, result.statusText)}</p>
          {described.title.toLowerCase() === result.statusText.trim().toLowerCase() ? null : (
            <p className="se-status__title">{described.title}</p>
          )}
          <p className="se-status__advice">{described.advice}</p>
          {result.status === 401 || result.status === 403 ? (
            <p className="se-status__advice">
              Open <strong>Settings</strong> in the navigation and check the API key of the profile
              “{entry.profile.name}” (and that it belongs to the right Customerscore account).
            </p>
          ) : null}
          {result.status === 429 && result.retryAt !== null ? (
            <RetryCountdown retryAt={result.retryAt} header={result.retryAfter} />
          ) : null}
        </div>
      ) : (
        <div className="se-status se-status--bad">
          <p className="se-status__code">No answer</p>
          <p className="se-status__advice">
            {result.kind === 'network_error' ? result.message : ''}
          </p>
        </div>
      )}
      <dl className="se-facts">
        <dt>Time taken</dt>
        <dd>{entry.durationMs} ms</dd>
        <dt>Sent at</dt>
        <dd>
          {localDateTimeText(entry.sentAt)}{' '}
          <span className="se-muted">({utcText(entry.sentAt)})</span>
        </dd>
        <dt>Profile</dt>
        <dd>{entry.profile.name}</dd>
        <dt>Endpoint</dt>
        <dd className="se-mono">POST {entry.endpoint}</dd>
      </dl>
      {result.kind === 'response' ? (
        <>
          <h3 className="se-subtitle">Response body</h3>
          {result.body === '' ? (
            <p className="se-muted">The server sent no body.</p>
          ) : (
            <pre className="se-code" tabIndex={0} aria-label="Response body">
              {prettyBody(result.body)}
            </pre>
          )}
          {result.bodyTruncated ? (
            <p className="se-muted">
              The body was longer; only its first 100,000 characters are kept.
            </p>
          ) : null}
        </>
      ) : null}
      <h3 className="se-subtitle">Request sent</h3>
      <pre className="se-code se-code--request" tabIndex={0} aria-label="Request sent">
        {`POST ${entry.endpoint}\nContent-Type: application/json\ncustomerscore-key: •••• (the API key of “${entry.profile.name}”)\n\n${prettyBody(entry.requestBody)}`}
      </pre>
      <p className="se-muted">
        Shown formatted; sent as {byteLength(entry.requestBody)} bytes of compact JSON.
      </p>
    </>
  );
}

/** The server's answer to the last request, or to one opened from the history. */
export function ResponsePanel({
  content,
  headingRef,
  busy,
  onDuplicate,
  onResend,
}: ResponsePanelProps): ReactElement {
  return (
    <section className="se-card se-response" aria-labelledby="se-response-title">
      <h2 id="se-response-title" className="se-card__title" ref={headingRef} tabIndex={-1}>
        {content?.kind === 'entry' && content.fromHistory
          ? 'Response (from the history)'
          : 'Response'}
      </h2>
      {content === null ? (
        <p className="se-muted">Nothing sent yet. The server’s exact answer shows here.</p>
      ) : content.kind === 'notSent' ? (
        <div className="se-notice se-notice--warning">
          <p>
            <strong>Nothing was sent.</strong> {content.message}
          </p>
          {content.fix === 'settings' ? (
            <p>Open Settings in the navigation to fix this, then come back.</p>
          ) : null}
        </div>
      ) : content.kind === 'error' ? (
        <p className="se-notice se-notice--error">{content.message}</p>
      ) : (
        <>
          <Exchange entry={content.entry} />
          <div className="se-response__actions">
            <Button className="se-button" onPress={() => onDuplicate(content.entry)}>
              Duplicate into builder
            </Button>
            <Button className="se-button" isDisabled={busy} onPress={() => onResend(content.entry)}>
              Resend
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
