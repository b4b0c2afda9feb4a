import type { ReactElement } from 'react';
import {
  describeAlreadySent,
  describeMaybeSent,
  type AlreadySent,
} from '../../../../shared/already-sent';
import { count } from '../../../../shared/wording';

/**
 * The duplicate guard in the review: how many of the file's events the destination already has,
 * from which import, and whether to skip them (the default: Customerscore would count them twice)
 * or send them again. Events only maybe sent before are said apart: they are sent again.
 */
export function AlreadySentChoice({
  found,
  sendAgain,
  onChange,
}: {
  found: AlreadySent;
  sendAgain: boolean;
  onChange: (sendAgain: boolean) => void;
}): ReactElement | null {
  const sent = describeAlreadySent(found);
  const maybe = describeMaybeSent(found);
  if (sent === null && maybe === null) return null;
  return (
    <div
      className="notice notice--warning im-already-sent"
      role="group"
      aria-label="Events sent before"
    >
      {sent !== null && (
        <fieldset className="im-already-sent__choice">
          <legend>{sent}</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="already-sent"
              checked={!sendAgain}
              onChange={() => onChange(false)}
            />
            Skip {found.sent === 1 ? 'it' : `these ${count(found.sent)}`} (recommended):
            Customerscore already has {found.sent === 1 ? 'it' : 'them'}. The import&apos;s report
            of rows not sent lists {found.sent === 1 ? 'it' : 'them'}.
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="already-sent"
              checked={sendAgain}
              onChange={() => onChange(true)}
            />
            Send {found.sent === 1 ? 'it' : 'them'} again: Customerscore will count{' '}
            {found.sent === 1 ? 'it' : 'each of them'} twice.
          </label>
        </fieldset>
      )}
      {maybe !== null && <p className="text-small">{maybe}</p>}
    </div>
  );
}
