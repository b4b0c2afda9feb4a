import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';

export interface RetryCountdownProps {
  /** Unix ms when the server's wait is over. */
  retryAt: number;
  /** The raw Retry-After header, or null when the server sent none. */
  header: string | null;
}

/** How long a 429 asks to wait, counting down to "now". */
export function RetryCountdown({ retryAt, header }: RetryCountdownProps): ReactElement {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((retryAt - now) / 1000));

  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [left]);

  return (
    <div className="se-retry">
      <p>
        {header === null
          ? 'The server did not say how long to wait (no Retry-After header); waiting 30 seconds is safe.'
          : `The server asks to wait before sending again: Retry-After: ${header}.`}
      </p>
      <p className="se-retry__countdown" role="timer" aria-live="off" data-seconds-left={left}>
        {left > 0 ? `You can send again in ${left} s.` : 'You can send again now.'}
      </p>
    </div>
  );
}
