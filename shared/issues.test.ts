import { describe, expect, it } from 'vitest';
import { issueKindLabel, issueKindSchema, quoteValue, rowIssueSchema, withColumn } from './issues';

describe('issueKindLabel', () => {
  it('gives every kind its own short label for summaries', () => {
    const labels = issueKindSchema.options.map((kind) => issueKindLabel(kind));
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^[a-z][^.]{3,45}$/);
    expect(issueKindLabel('timestamp_unparsed')).toBe('timestamp not understood');
  });
});

describe('row issues', () => {
  it('use spreadsheet row numbers, so row 0 is refused', () => {
    const issue = {
      row: 2,
      column: 'MRR',
      kind: 'invalid_number',
      severity: 'error',
      message: '"abc" is not a number (column "MRR").',
    };
    expect(rowIssueSchema.safeParse(issue).success).toBe(true);
    expect(rowIssueSchema.safeParse({ ...issue, row: 0 }).success).toBe(false);
    expect(rowIssueSchema.safeParse({ ...issue, kind: 'oops' }).success).toBe(false);
  });
});

describe('message helpers', () => {
  it('name the column at the end of a sentence', () => {
    expect(withColumn('Customer ID is empty', 'customer_id')).toBe(
      'Customer ID is empty (column "customer_id").',
    );
    expect(withColumn('Customer ID is empty.', 'customer_id')).toBe(
      'Customer ID is empty (column "customer_id").',
    );
  });

  it('quote a value visibly and keep a huge one short', () => {
    expect(quoteValue('a\tb')).toBe('"a\\tb"');
    expect(quoteValue('x'.repeat(1000))).toBe(`"${'x'.repeat(40)}…"`);
  });
});
