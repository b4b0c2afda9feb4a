import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../../../shared/ipc-import';
import type { RowIssue } from '../../../../shared/issues';
import { focusedProblem } from './review-columns';

const long =
  'The timestamp "next Tuesday after lunch" is not a date the app can read: use a format such as 2024-04-03T05:50:56Z.';

function row(issues: RowIssue[], edited: number[] = []): ReviewRow {
  return {
    position: 5,
    row: 7,
    cells: ['login', 'next Tuesday after lunch', ''],
    edited,
    skipped: false,
    status: issues.some((i) => i.severity === 'error')
      ? 'error'
      : issues.length > 0
        ? 'warning'
        : 'ok',
    issues,
  };
}

const timestampIssue: RowIssue = {
  row: 7,
  column: 'occurred_at',
  kind: 'timestamp_unparsed',
  severity: 'error',
  message: long,
};
const customerIssue: RowIssue = {
  row: 7,
  column: 'customer_id',
  kind: 'missing_value',
  severity: 'error',
  message: 'The customer ID is missing.',
};
const warning: RowIssue = {
  row: 7,
  column: 'occurred_at',
  kind: 'timestamp_ambiguous',
  severity: 'warning',
  message: 'This time happened twice when the clocks went back: the first one is used.',
};

describe('focusedProblem', () => {
  it("gives the row's problems in full, however long, on the Problems cell", () => {
    const shown = focusedProblem(row([timestampIssue, customerIssue]), null);
    expect(shown.text).toBe(`Row 7: ${long} The customer ID is missing.`);
    expect(shown.severity).toBe('error');
  });

  it("gives a file cell's own problems, naming its column", () => {
    const shown = focusedProblem(row([timestampIssue, customerIssue]), 'occurred_at');
    expect(shown.text).toBe(`Row 7, occurred_at: ${long}`);
  });

  it("falls back to the row's problems on a cell without any of its own", () => {
    expect(focusedProblem(row([customerIssue]), 'event').text).toBe(
      'Row 7: The customer ID is missing.',
    );
  });

  it('shows a warning on its cell as a warning', () => {
    expect(focusedProblem(row([warning]), 'occurred_at')).toEqual({
      text: 'Row 7, occurred_at: This time happened twice when the clocks went back: the first one is used.',
      severity: 'warning',
    });
  });

  it('says when a row has no problems, or none left after a fix', () => {
    expect(focusedProblem(row([]), null)).toEqual({ text: 'Row 7: no problems.', severity: null });
    expect(focusedProblem(row([], [1]), 'occurred_at').text).toBe(
      'Row 7: fixed, no problems left.',
    );
  });
});
