/**
 * `auto` timestamp format: decides one format for a whole column from its values, incrementally so the
 * streaming engine can feed it every cell of a large file for the price of a regex test or two each.
 *
 * Rules (numbers by magnitude, ranges disjoint, covering 2000-01-01 up to 2100-01-01):
 * - Unix seconds 946684800..4102444799 (9-10 digits), Unix milliseconds 946684800000..4102444799999
 *   (12-13 digits), spreadsheet day numbers 36526..73050 with an optional fraction (5 digits).
 *   Other numbers are not recognized (an 8-digit 20240403 included).
 * - ISO 8601 (a space instead of `T` too), which also covers `yyyy-MM-dd HH:mm[:ss]`.
 * - Numeric dates with `.`, `/` or `-` (or a dot and a space, `3. 12. 2026`): year first (`yyyy/MM/dd`) or year last with 4 or 2 digits
 *   (`yy` means 20yy), an optional time `H:mm[:ss[.SSS]]` with an optional AM/PM marker.
 *   Year-last dates are day first when some value has a first field over 12, month first when some value
 *   has a second field over 12. Dotted dates (`dd.MM.yyyy`) are day first by convention (German) unless
 *   values prove otherwise. When no value settles it but every value has day = month, either reading
 *   gives the same instants, so day first is taken. Otherwise the user must choose.
 * - One layout per column. Values of no known layout are left for the per-row parser to report, unless
 *   they outnumber the recognized ones.
 */
import type { FormatResolution, ResolvedTimestampFormat } from './timestamp-types';
import { formatTimestamp } from './timestamp-format';
import { describeFormat, quote } from './timestamp-messages';
import { EXAMPLE_INSTANT, ISO_DATE_TIME } from './timestamp-parser';
import { MONTH_NAMES } from './timestamp-wall';

/** Feeds a column's values one at a time, then tells the decided format (or why there is none). */
export interface FormatDetector {
  observe(value: string): void;
  result(): FormatResolution;
}

const NUMBER = /^\d+(?:[.,]\d+)?$/;
// The separator may be a dot and spaces, as Czech writes dates (`3. 12. 2026`).
const DATED =
  /^(\d{1,4})([./-]|\.\s+)(\d{1,2})\2(\d{1,4})(?:(,?\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:([.,])\d{1,9})?)?(\s*)([ap]\.?m\.?)?)?$/i;

interface Layout {
  example: string;
  format?: ResolvedTimestampFormat;
  dated?: DatedLayout;
}

interface DatedLayout {
  yearFirst: boolean;
  separator: string;
  shortYear: boolean;
  time: string | null;
  padded: boolean;
  hourPadded: boolean;
  firstOver12: string | null;
  secondOver12: string | null;
  dayDiffersFromMonth: string | null;
}

function numericFormat(value: string): ResolvedTimestampFormat | null {
  const number = Number(value.replace(',', '.'));
  if (number >= 36_526 && number < 73_051) return { kind: 'excel_serial' };
  if (number >= 946_684_800 && number < 4_102_444_800) return { kind: 'unix_s' };
  if (number >= 946_684_800_000 && number < 4_102_444_800_000) return { kind: 'unix_ms' };
  return null;
}

/** The layout key and facts of a numeric date, or `null` when the value is not one. */
function readDated(
  value: string,
): { key: string; layout: DatedLayout; a: number; b: number } | null {
  const match = DATED.exec(value);
  if (match === null) return null;
  const [, first = '', written = '', second = '', last = ''] = match;
  // A dot and any spaces is written `. ` in the pattern, whose reader takes any spaces there.
  const separator = written.length > 1 ? '. ' : written;
  const yearFirst = first.length === 4;
  if (yearFirst ? last.length > 2 : first.length > 2 || (last.length !== 2 && last.length !== 4)) {
    return null;
  }
  const a = Number(first);
  const b = Number(second);
  const c = Number(last);
  if (yearFirst ? b < 1 || b > 12 || c < 1 || c > 31 : a < 1 || b < 1 || a > 31 || b > 31) {
    return null;
  }
  if (!yearFirst && a > 12 && b > 12) return null;
  const [, , , , , between, hour, , seconds, fractionMark, markSpace, marker] = match;
  const twelveHour = marker !== undefined;
  let time: string | null = null;
  if (hour !== undefined) {
    const hourToken = twelveHour ? 'h' : 'H';
    const secondPart =
      seconds === undefined ? '' : `:ss${fractionMark ? `${fractionMark}SSS` : ''}`;
    const dateTimeSeparator =
      between === 'T' || between === 't' ? "'T'" : between?.includes(',') ? ', ' : ' ';
    const marker12 = twelveHour ? `${markSpace ? ' ' : ''}a` : '';
    time = `${dateTimeSeparator}${hourToken}:mm${secondPart}${marker12}`;
  }
  const layout: DatedLayout = {
    yearFirst,
    separator,
    shortYear: !yearFirst && last.length === 2,
    time,
    padded: second.length === 2 && (yearFirst ? last.length === 2 : first.length === 2),
    hourPadded: hour === undefined || hour.length === 2,
    firstOver12: null,
    secondOver12: null,
    dayDiffersFromMonth: null,
  };
  const key = [yearFirst, separator, layout.shortYear, time].join('|');
  return { key, layout, a, b };
}

function datedPattern(layout: DatedLayout, dayFirst: boolean): string {
  const day = layout.padded ? 'dd' : 'd';
  const month = layout.padded ? 'MM' : 'M';
  const year = layout.shortYear ? 'yy' : 'yyyy';
  const s = layout.separator;
  const date = layout.yearFirst
    ? `${year}${s}${month}${s}${day}`
    : dayFirst
      ? `${day}${s}${month}${s}${year}`
      : `${month}${s}${day}${s}${year}`;
  // The hour letter is doubled for zero-padded hours: `H:mm` becomes `HH:mm`.
  const time =
    layout.time === null ? '' : layout.time.replace(/([Hh]):/, layout.hourPadded ? '$1$1:' : '$1:');
  return `${date}${time}`;
}

function decided(format: ResolvedTimestampFormat, why = ''): FormatResolution {
  const example =
    format.kind === 'pattern' ? formatTimestamp(EXAMPLE_INSTANT, format.pattern, 'UTC') : undefined;
  return {
    ok: true,
    format,
    description: `Each value is read as ${describeFormat(format, example)}.${why}`,
  };
}

function decideDated(layout: DatedLayout): FormatResolution {
  const pattern = (dayFirst: boolean): ResolvedTimestampFormat => ({
    kind: 'pattern',
    pattern: datedPattern(layout, dayFirst),
  });
  if (layout.yearFirst) return decided(pattern(true));
  const { firstOver12, secondOver12, dayDiffersFromMonth } = layout;
  if (firstOver12 !== null && secondOver12 !== null) {
    return {
      ok: false,
      kind: 'timestamp_unparsed',
      message: `The column has dates in both orders: ${quote(firstOver12)} has the day first and ${quote(secondOver12)} has the month first. Choose the date format for the column; rows in the other order will be reported.`,
    };
  }
  if (firstOver12 !== null) {
    return decided(pattern(true), ` Day first, because of values like ${quote(firstOver12)}.`);
  }
  if (secondOver12 !== null) {
    return decided(pattern(false), ` Month first, because of values like ${quote(secondOver12)}.`);
  }
  if (layout.separator.startsWith('.')) {
    return decided(pattern(true), ' Dates with dots are read day first.');
  }
  if (dayDiffersFromMonth === null) return decided(pattern(true));
  const match = DATED.exec(dayDiffersFromMonth);
  const a = Number(match?.[1]);
  const b = Number(match?.[3]);
  const dayFirst = datedPattern(layout, true);
  const monthFirst = datedPattern(layout, false);
  return {
    ok: false,
    kind: 'timestamp_day_month_unclear',
    message: `Dates like ${quote(dayDiffersFromMonth)} could be ${a} ${MONTH_NAMES[b - 1] ?? ''} or ${MONTH_NAMES[a - 1] ?? ''} ${b}. Choose the date format for the column: day first (${dayFirst}) or month first (${monthFirst}).`,
    candidates: [dayFirst, monthFirst],
  };
}

/** Starts an empty detector for one column; blank values are ignored. */
export function createFormatDetector(): FormatDetector {
  const layouts = new Map<string, Layout>();
  let recognized = 0;
  let unrecognized = 0;
  let firstUnrecognized: string | null = null;

  const remember = (key: string, value: string, layout: Omit<Layout, 'example'>): Layout => {
    let known = layouts.get(key);
    if (known === undefined) {
      known = { example: value, ...layout };
      layouts.set(key, known);
    }
    recognized += 1;
    return known;
  };

  const observe = (raw: string): void => {
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value === '') return;
    if (NUMBER.test(value)) {
      const format = numericFormat(value);
      if (format !== null) {
        remember(format.kind, value, { format });
        return;
      }
    } else if (ISO_DATE_TIME.test(value)) {
      remember('iso8601', value, { format: { kind: 'iso8601' } });
      return;
    } else {
      const dated = readDated(value);
      if (dated !== null) {
        const { dated: known } = remember(dated.key, value, { dated: dated.layout });
        if (known !== undefined) {
          known.padded &&= dated.layout.padded;
          known.hourPadded &&= dated.layout.hourPadded;
          if (dated.a > 12) known.firstOver12 ??= value;
          if (dated.b > 12) known.secondOver12 ??= value;
          if (dated.a !== dated.b) known.dayDiffersFromMonth ??= value;
        }
        return;
      }
    }
    unrecognized += 1;
    firstUnrecognized ??= value;
  };

  const result = (): FormatResolution => {
    if (recognized === 0 && firstUnrecognized === null) {
      return {
        ok: false,
        kind: 'timestamp_unparsed',
        message:
          'The timestamp column has no values to tell its format from. Choose the timestamp format for the column.',
      };
    }
    if (recognized === 0 || unrecognized > recognized) {
      return {
        ok: false,
        kind: 'timestamp_unparsed',
        message: `Most values, like ${quote(firstUnrecognized ?? '')}, are not a date and time we recognize. Choose the timestamp format for the column (for example dd.MM.yyyy HH:mm).`,
      };
    }
    const [first, second] = [...layouts.values()];
    if (first === undefined || second !== undefined) {
      return {
        ok: false,
        kind: 'timestamp_unparsed',
        message: `The column mixes date layouts, like ${quote(first?.example ?? '')} and ${quote(second?.example ?? '')}. Choose the timestamp format for the column; rows in other layouts will be reported.`,
      };
    }
    if (first.dated !== undefined) return decideDated(first.dated);
    return decided(first.format ?? { kind: 'iso8601' });
  };

  return { observe, result };
}
