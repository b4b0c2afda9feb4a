import { useState } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { REVEALED_CURL_CLEAR_SECONDS } from '../../../../shared/ipc-send';
import type { CurlCopy } from '../../api/useSendRequest';

export interface SendBarProps {
  canSend: boolean;
  sending: boolean;
  /** Why Send is off, in plain words (null when it is on). */
  blockedReason: string | null;
  /** What just happened, for the live region ("Sent: 200 Accepted in 34 ms"). */
  status: string;
  onSend: () => void;
  copying: boolean;
  curl: CurlCopy | null;
  onCopy: (reveal: boolean) => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
/** The shortcut as this computer writes it. */
export const SEND_SHORTCUT = isMac ? '⌘ Return' : 'Ctrl+Enter';

/** Send, and Copy as curl with the key masked unless revealed for this one copy. */
export function SendBar(props: SendBarProps): ReactElement {
  const [reveal, setReveal] = useState(false);
  const { curl } = props;

  return (
    <section className="se-sendbar" aria-label="Send">
      <div className="actions">
        <Button
          className="button button--primary se-sendbar__send"
          isDisabled={!props.canSend || props.sending}
          onPress={props.onSend}
          aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        >
          {props.sending ? 'Sending…' : 'Send'}
        </Button>
        <span className="text-muted text-small">
          or <kbd>{SEND_SHORTCUT}</kbd> anywhere on this screen
        </span>
      </div>
      {props.blockedReason ? <p className="text-muted text-small">{props.blockedReason}</p> : null}
      <div className="actions">
        <Button
          className="button"
          isDisabled={!props.canSend || props.copying}
          onPress={() => {
            props.onCopy(reveal);
            setReveal(false);
          }}
        >
          Copy as curl
        </Button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={reveal}
            onChange={(event) => setReveal(event.target.checked)}
          />
          Include the real API key in this copy
        </label>
      </div>
      <p className="se-sendbar__status" role="status">
        {props.status}
      </p>
      {curl ? (
        curl.copied ? (
          <div className="notice" role="status">
            {curl.revealed ? (
              <p>
                Copied with the real API key. Treat the clipboard like a password: paste it only
                where you trust. The key is removed from the clipboard in{' '}
                {REVEALED_CURL_CLEAR_SECONDS} seconds if it is still there.
              </p>
            ) : (
              <>
                <p>
                  Copied to the clipboard. The API key is written as <code>$CUSTOMERSCORE_KEY</code>
                  : set that variable in the terminal first.
                </p>
                <pre className="se-code se-code--small">{curl.command}</pre>
              </>
            )}
          </div>
        ) : (
          <p className="notice notice--error" role="alert">
            {curl.message}
          </p>
        )
      ) : null}
    </section>
  );
}
