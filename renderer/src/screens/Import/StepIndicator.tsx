import type { ReactElement } from 'react';
import type { WizardStep } from '../../api/import-wizard-store';

const STEPS: readonly { step: WizardStep; label: string }[] = [
  { step: 'file', label: 'Choose a file' },
  { step: 'map', label: 'Match columns' },
  { step: 'review', label: 'Review rows' },
  { step: 'send', label: 'Send' },
];

/** Where the person is in the wizard; the current step is announced as such. */
export function StepIndicator({ step }: { step: WizardStep }): ReactElement {
  const current = STEPS.findIndex((s) => s.step === step);
  return (
    <ol className="im-steps" aria-label="Import steps">
      {STEPS.map((s, index) => (
        <li
          key={s.step}
          className={`im-steps__item${index < current ? ' im-steps__item--done' : ''}`}
          aria-current={index === current ? 'step' : undefined}
        >
          {s.label}
        </li>
      ))}
    </ol>
  );
}
