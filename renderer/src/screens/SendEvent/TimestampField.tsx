import { useId } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { NOW_PLACEHOLDER } from '../../../../shared/send-draft';
import { fromLocalInput, localZoneText, toLocalInput, utcText } from './timestamp-text';

export interface TimestampFieldProps {
  /** Unix ms as text, or `{{now}}`. */
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error: string | null;
}

const DIGITS = /^-?\d+$/;

/**
 * The event's time: picked as a local date and time (with milliseconds), or typed as Unix
 * milliseconds, or left to the moment of sending. The milliseconds and UTC always show beside it.
 */
export function TimestampField({
  value,
  onChange,
  onBlur,
  error,
}: TimestampFieldProps): ReactElement {
  const id = useId();
  const isNow = value === NOW_PLACEHOLDER;
  const ms = DIGITS.test(value.trim()) ? Number(value.trim()) : null;
  const utc = ms === null ? '' : utcText(ms);
  const errorId = `${id}-error`;
  const readoutId = `${id}-readout`;

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Timestamp
      </label>
      <div className="se-timestamp__row">
        <input
          id={id}
          className="input input--auto"
          type="datetime-local"
          step="0.001"
          value={isNow || ms === null ? '' : toLocalInput(ms)}
          disabled={isNow}
          aria-invalid={error ? true : undefined}
          aria-describedby={[readoutId, error ? errorId : ''].join(' ').trim()}
          onChange={(event) => {
            const picked = fromLocalInput(event.target.value);
            if (picked !== null) onChange(String(picked));
          }}
          onBlur={onBlur}
        />
        <Button className="button" isDisabled={isNow} onPress={() => onChange(String(Date.now()))}>
          Now
        </Button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isNow}
            onChange={(event) =>
              onChange(event.target.checked ? NOW_PLACEHOLDER : String(Date.now()))
            }
          />
          Use the time of sending ({NOW_PLACEHOLDER})
        </label>
      </div>
      <div className="se-timestamp__row">
        <label className="se-timestamp__ms">
          <span className="field__label--minor">Unix milliseconds</span>
          <input
            className="input input--mono se-timestamp__ms-input"
            type="text"
            inputMode="numeric"
            spellCheck={false}
            autoComplete="off"
            value={isNow ? '' : value}
            placeholder={isNow ? 'at sending' : ''}
            disabled={isNow}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(event.target.value.trim())}
            onBlur={onBlur}
          />
        </label>
        <p id={readoutId} className="field__hint se-timestamp__readout">
          {isNow
            ? 'Filled in with the exact time when you press Send.'
            : ms !== null
              ? `${utc} · your time zone: ${localZoneText(ms)}`
              : ''}
        </p>
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
