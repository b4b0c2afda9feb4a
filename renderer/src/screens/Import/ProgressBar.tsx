import type { ReactElement } from 'react';
import { ProgressBar as AriaProgressBar } from 'react-aria-components';

export interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** The progress in words, shown under the bar and read by screen readers as its value. */
  text: string;
}

/** A progress bar with its state in words (react-aria's ProgressBar: role, range and value text). */
export function ProgressBar({ label, value, max, text }: ProgressBarProps): ReactElement {
  return (
    <div className="im-progress">
      <AriaProgressBar
        className="im-progress__bar"
        aria-label={label}
        value={value}
        maxValue={max}
        valueLabel={text}
      >
        {({ percentage = 0 }) => (
          <div className="im-progress__fill" style={{ width: `${percentage.toFixed(1)}%` }} />
        )}
      </AriaProgressBar>
      <p className="text-muted">{text}</p>
    </div>
  );
}
