import type { ReactElement } from 'react';

export interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** The progress in words, shown under the bar and read by screen readers as its value. */
  text: string;
}

/** A progress bar with its state in words (role progressbar, so assistive technology follows it). */
export function ProgressBar({ label, value, max, text }: ProgressBarProps): ReactElement {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div className="im-progress">
      <div
        className="im-progress__bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={text}
      >
        <div className="im-progress__fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <p className="text-muted">{text}</p>
    </div>
  );
}
