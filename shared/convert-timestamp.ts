import type { ReadCell } from './columns';
import { quoteValue, withColumn } from './issues';
import type { MappingIssue, RowIssue } from './issues';
import { createTimestampParser, resolveTimestampFormat } from './timestamps';
import type { ResolvedTimestampFormat, TimestampContext, TimestampResult } from './timestamps';
import type { TypedCells } from './typed-cells';

/** How one conversion reads timestamps, decided once for the whole file. */
export interface TimestampPlan {
  /** The format in words, from the timestamps module. */
  description: string;
  /**
   * The row's timestamp in Unix milliseconds, or null after adding the row's issue to `issues`.
   * A workbook's date cell (in `typed`) is read as the wall clock it shows, whatever the format.
   */
  read(
    cells: readonly string[],
    row: number,
    issues: RowIssue[],
    typed?: TypedCells,
  ): number | null;
}

/** A timestamp plan, or the mapping issue that prevents one. */
export type PreparedTimestamp =
  { ok: true; plan: TimestampPlan } | { ok: false; issue: MappingIssue };

/**
 * Reads a fixed timestamp `value` once: if it cannot be read, every row would fail, so that is a
 * mapping issue. A fixed number with format `auto` is Unix milliseconds, the API's own unit.
 */
export function prepareFixedTimestamp(
  value: number | string,
  format: string,
  context: TimestampContext,
): PreparedTimestamp {
  const text = String(value).trim();
  const decided: Decided =
    typeof value === 'number' && format === 'auto'
      ? { ok: true, format: { kind: 'unix_ms' }, description: 'Unix milliseconds' }
      : decide(format, [text], null);
  if (!decided.ok) return { ok: false, issue: decided.issue };
  const result = safeParse(createTimestampParser(decided.format, context), text);
  if (!result.ok) {
    return {
      ok: false,
      issue: {
        field: 'timestamp.value',
        column: null,
        kind: result.kind,
        message: `The fixed timestamp ${quoteValue(text)} cannot be used: ${result.message}`,
      },
    };
  }
  const ms = result.ms;
  return { ok: true, plan: { description: decided.description, read: () => ms } };
}

/**
 * Decides the format of a timestamp column once, from the mapping and sample values, and compiles
 * its parser, so that each row only parses.
 */
export function prepareColumnTimestamp(
  column: string,
  index: number,
  read: ReadCell,
  format: string,
  context: TimestampContext,
  samples: readonly string[],
): PreparedTimestamp {
  const usable = samples.map((sample) => sample.trim()).filter((sample) => sample !== '');
  const decided = decide(format, usable, column);
  if (!decided.ok) return { ok: false, issue: decided.issue };
  const parse = createTimestampParser(decided.format, context);
  // A date cell's text is its wall clock in ISO 8601 without an offset (shared/typed-cells.ts):
  // read in the zone like a CSV time without an offset, with no format to choose.
  const parseDateCell = createTimestampParser({ kind: 'iso8601' }, context);
  return {
    ok: true,
    plan: {
      description: decided.description,
      read(cells, row, issues, typed) {
        const text = read(cells).trim();
        if (text === '') {
          issues.push({
            row,
            column,
            kind: 'missing_value',
            severity: 'error',
            message: withColumn('Timestamp is empty', column),
          });
          return null;
        }
        const dateCell = typed?.[index]?.kind === 'date';
        const result = safeParse(dateCell ? parseDateCell : parse, text);
        if (result.ok) return result.ms;
        issues.push({
          row,
          column,
          kind: result.kind,
          severity: 'error',
          message: withColumn(result.message, column),
        });
        return null;
      },
    },
  };
}

type Decided =
  | { ok: true; format: ResolvedTimestampFormat; description: string }
  | { ok: false; issue: MappingIssue };

function decide(format: string, samples: readonly string[], column: string | null): Decided {
  const resolution = resolveTimestampFormat(format, samples);
  if (resolution.ok) return resolution;
  return {
    ok: false,
    issue: {
      field: 'timestamp.format',
      column,
      kind: resolution.kind,
      message: resolution.message,
    },
  };
}

// The conversion promises never to throw; this guards it against a parser bug on some odd cell.
function safeParse(parse: (value: string) => TimestampResult, text: string): TimestampResult {
  try {
    return parse(text);
  } catch {
    return {
      ok: false,
      kind: 'timestamp_unparsed',
      message: `${quoteValue(text)} could not be read as a timestamp.`,
    };
  }
}
