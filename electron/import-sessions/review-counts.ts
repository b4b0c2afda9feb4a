import type { RowCheck } from '../../shared/convert';
import type { IssueKind, RowIssue } from '../../shared/issues';
import type { CheckedRow } from '../engine/validation/validate';

/** What a row's check amounts to in the review: can it be sent, and which kinds of problem it has. */
export interface RowVerdict {
  readonly status: 'ok' | 'warning' | 'error';
  readonly kinds: readonly IssueKind[];
}

// Most rows have no issue: they share one verdict, so a million-row validation allocates none.
const CLEAN: RowVerdict = Object.freeze({ status: 'ok', kinds: Object.freeze([]) });

/** The verdict of a row's check (`valid`: the row gives an event). */
export function verdictOfCheck(check: RowCheck): RowVerdict {
  if (check.valid && check.issues.length === 0) return CLEAN;
  const kinds = [...new Set(check.issues.map((issue: RowIssue) => issue.kind))];
  if (!check.valid) return { status: 'error', kinds };
  return { status: check.issues.length > 0 ? 'warning' : 'ok', kinds };
}

export function verdictOf(checked: Pick<CheckedRow, 'event' | 'issues'>): RowVerdict {
  return verdictOfCheck({ valid: checked.event !== null, issues: checked.issues });
}

/** The review's row counts, kept up to date as rows are validated, edited and re-checked. */
export class ReviewCounts {
  total = 0;
  valid = 0;
  invalid = 0;
  warned = 0;
  private readonly byKind = new Map<IssueKind, number>();

  /** Rows per kind of problem. */
  get kinds(): Partial<Record<IssueKind, number>> {
    return Object.fromEntries(this.byKind);
  }

  /** Counts a row in (`sign` 1) or takes it out again (`sign` -1, before counting its new verdict). */
  count(verdict: RowVerdict, sign: 1 | -1 = 1): void {
    this.total += sign;
    if (verdict.status === 'error') this.invalid += sign;
    else {
      this.valid += sign;
      if (verdict.status === 'warning') this.warned += sign;
    }
    for (const kind of verdict.kinds) {
      const next = (this.byKind.get(kind) ?? 0) + sign;
      if (next > 0) this.byKind.set(kind, next);
      else this.byKind.delete(kind);
    }
  }
}
