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

type Tone = 'success' | 'warning' | 'error';

function tone(status: number): Tone {
  if (status >= 200 && status < 300) return 'success';
  if (status === 429) return 'warning';
  return 'error';
}

/** The box of the answer's status, in the tone of the outcome. */
function statusBox(tone: Tone): string {
  return `notice notice--${tone} se-status`;
}

function Exchange({ entry }: { entry: SendHistoryEntry }): ReactElement {
  const { result } = entry;
  const described = result.kind === 'response' ? describeStatus(result.status) : null;
  return (
    <>
      {result.kind === 'response' && described ? (
        <div className={statusBox(tone(result.status))}>
          <p className={`se-status__code text-${tone(result.status)}`}>
            {statusLine(result.status, result.statusText)}
          </p>
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
        <div className={statusBox('error')}>
          <p className="se-status__code text-error">No answer</p>
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
          <span className="text-muted">({utcText(entry.sentAt)})</span>
        </dd>
        <dt>Profile</dt>
        <dd>{entry.profile.name}</dd>
        <dt>Endpoint</dt>
        <dd className="text-mono">POST {entry.endpoint}</dd>
      </dl>
      {result.kind === 'response' ? (
        <>
          <h3 className="section-subtitle se-subtitle">Response body</h3>
          {result.body === '' ? (
            <p className="text-muted">The server sent no body.</p>
          ) : (
            <pre className="se-code" tabIndex={0} aria-label="Response body">
              {prettyBody(result.body)}
            </pre>
          )}
          {result.bodyTruncated ? (
            <p className="text-muted">
              The body was longer; only its first 100,000 characters are kept.
            </p>
          ) : null}
        </>
      ) : null}
      <h3 className="section-subtitle se-subtitle">Request sent</h3>
      <pre className="se-code se-code--request" tabIndex={0} aria-label="Request sent">
        {`POST ${entry.endpoint}\nContent-Type: application/json\ncustomerscore-key: •••• (the API key of “${entry.profile.name}”)\n\n${prettyBody(entry.requestBody)}`}
      </pre>
      <p className="text-muted">
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
    <section className="card" aria-labelledby="se-response-title">
      <h2 id="se-response-title" className="section-title" ref={headingRef} tabIndex={-1}>
        {content?.kind === 'entry' && content.fromHistory
          ? 'Response (from the history)'
          : 'Response'}
      </h2>
      {content === null ? (
        <p className="text-muted">Nothing sent yet. The server’s exact answer shows here.</p>
      ) : content.kind === 'notSent' ? (
        <div className="notice notice--warning">
          <p>
            <strong>Nothing was sent.</strong> {content.message}
          </p>
          {content.fix === 'settings' ? (
            <p>Open Settings in the navigation to fix this, then come back.</p>
          ) : null}
        </div>
      ) : content.kind === 'error' ? (
        <p className="notice notice--error">{content.message}</p>
      ) : (
        <>
          <Exchange entry={content.entry} />
          <div className="actions">
            <Button className="button" onPress={() => onDuplicate(content.entry)}>
              Duplicate into builder
            </Button>
            <Button className="button" isDisabled={busy} onPress={() => onResend(content.entry)}>
              Resend
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
