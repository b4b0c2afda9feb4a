/**
 * Timestamp parsing: how a spreadsheet cell becomes Unix milliseconds. The entry point for the rest of
 * the app; the work is done in the `timestamp-*.ts` files beside it.
 *
 * Values without an offset are wall-clock times in the column's IANA zone; a time the clocks skipped
 * or passed twice is reported, never guessed. Accepted instants run from 2000-01-01T00:00:00Z to one
 * year after `context.now`.
 */
import type { FormatResolution, ResolvedTimestampFormat } from './timestamp-types';
import { createFormatDetector } from './timestamp-detect';
import { formatTimestamp } from './timestamp-format';
import { describeFormat } from './timestamp-messages';
import { EXAMPLE_INSTANT } from './timestamp-parser';
import { describePatternError } from './timestamp-pattern';

export type {
  FormatResolution,
  ResolvedTimestampFormat,
  TimestampContext,
  TimestampFormatName,
  TimestampIssueKind,
  TimestampResult,
} from './timestamp-types';
export type { FormatDetector } from './timestamp-detect';
export { createFormatDetector } from './timestamp-detect';
export { formatTimestamp } from './timestamp-format';
export { createTimestampParser, latestTimestamp } from './timestamp-parser';
export { EARLIEST_TIMESTAMP } from './timestamp-wall';
export { describePatternError } from './timestamp-pattern';
export { isValidTimeZone, systemTimeZone } from './timestamp-zone';

const KEYWORDS: ReadonlyMap<string, ResolvedTimestampFormat> = new Map([
  ['iso8601', { kind: 'iso8601' }],
  ['unix_ms', { kind: 'unix_ms' }],
  ['unix_s', { kind: 'unix_s' }],
  ['excel_serial', { kind: 'excel_serial' }],
]);

/**
 * Decides the format of a column from its mapping format and sample values. `auto` looks at the
 * samples (see `timestamp-detect.ts` for the rules; blank samples are ignored); a keyword is taken as
 * it is (case and surrounding spaces ignored); anything else is a Unicode date pattern, checked with
 * {@link describePatternError}.
 */
export function resolveTimestampFormat(
  format: string,
  samples: readonly string[],
): FormatResolution {
  const name = format.trim();
  const keyword = name.toLowerCase();
  if (keyword === 'auto') {
    const detector = createFormatDetector();
    for (const sample of samples) detector.observe(sample);
    return detector.result();
  }
  const named = KEYWORDS.get(keyword);
  if (named !== undefined) {
    return {
      ok: true,
      format: named,
      description: `Each value is read as ${describeFormat(named)}.`,
    };
  }
  const problem = describePatternError(name);
  if (problem !== null) {
    return {
      ok: false,
      kind: 'timestamp_unparsed',
      message: `${problem} Correct the timestamp format of the column.`,
    };
  }
  const resolved: ResolvedTimestampFormat = { kind: 'pattern', pattern: name };
  const example = formatTimestamp(EXAMPLE_INSTANT, name, 'UTC');
  return {
    ok: true,
    format: resolved,
    description: `Each value is read as ${describeFormat(resolved, example)}.`,
  };
}
