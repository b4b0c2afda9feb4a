import type { ReactElement } from 'react';
import type { SendTarget } from '../../../../shared/ipc-send';

export interface TargetSummaryProps {
  target: SendTarget | null;
  error: string | null;
}

const keyWords = { set: 'API key set', missing: 'no API key', unavailable: 'keychain unavailable' };

/** Where Send goes: the active profile, its endpoint and tracker key, and what is missing. */
export function TargetSummary({ target, error }: TargetSummaryProps): ReactElement {
  if (error) return <p className="notice notice--error">{error}</p>;
  if (!target) return <p className="text-muted">Reading the active profile…</p>;
  return (
    <div className="se-target-block">
      <p className="se-target text-muted">
        Sends with the profile <strong>{target.profileName}</strong> to{' '}
        <span className="text-mono">{target.endpoint}</span> · tracker key{' '}
        <span className="text-mono">{target.trackerKey || 'not set'}</span> ·{' '}
        {keyWords[target.keyState]}
      </p>
      {target.problem ? <p className="notice notice--warning">{target.problem}</p> : null}
    </div>
  );
}
