import type { ReactElement } from 'react';

export interface Stat {
  term: string;
  value: string;
}

/** An upload's figures side by side, each in its own card (a description list for screen readers). */
export function StatList({ stats }: { stats: readonly Stat[] }): ReactElement {
  return (
    <dl className="im-stats">
      {stats.map((stat) => (
        <div key={stat.term} className="card card--compact im-stat">
          <dt>{stat.term}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
