import { cellReader, findColumn, missingColumnHint } from './columns';
import type { ReadCell } from './columns';
import { checkWithPlan, convertWithPlan } from './convert-row';
import type { AttributePlan, ConvertResult, IdentifierPlan, RowCheck } from './convert-row';
import { detectDecimalMark } from './decimal-detect';
import { prepareColumnTimestamp, prepareFixedTimestamp } from './convert-timestamp';
import type { PreparedTimestamp } from './convert-timestamp';
import { quoteValue } from './issues';
import type { MappingIssue } from './issues';
import type { Attributes, IdentifierSource, Mapping } from './mapping';
import { isValidTimeZone, systemTimeZone } from './timestamps';
import type { TypedCells } from './typed-cells';

export type { ConvertResult, RowCheck } from './convert-row';

/** What a conversion needs besides the mapping. */
export interface ConversionOptions {
  /** The IANA zone for timestamps without an offset when the mapping names none. */
  zone?: string;
  /** "Now" in Unix milliseconds, for the timestamp range check. */
  now: number;
  /** Values from the timestamp column, to decide its format when the mapping says `auto`. */
  timestampSamples?: readonly string[];
  /**
   * Rows that decide the decimal mark of number attributes whose mapping leaves it out. The engine
   * decides those from the whole column first (`prepareImport`), so only a few rows come here.
   */
  sampleRows?: readonly (readonly string[])[];
}

/** A mapping bound to one file's header, ready to convert its rows one after another. */
export interface RowConverter {
  /**
   * Converts one row; never throws. `rowNumber` is the spreadsheet row (first data row = 2);
   * `typed` is what a workbook says its cells are (shared/typed-cells.ts), absent for CSV.
   */
  convert(cells: readonly string[], rowNumber: number, typed?: TypedCells): ConvertResult;
  /** Whether `convert` would give an event, and its issues, without building the event. */
  check(cells: readonly string[], rowNumber: number, typed?: TypedCells): RowCheck;
  /** How timestamps are read, in words from the timestamps module, for the UI. */
  readonly timestampDescription: string;
  /** The zone applied to timestamps without an offset. */
  readonly zone: string;
}

type IdentifierField = 'name' | 'customer' | 'contact';

const IDENTIFIER_WORDS: Readonly<Record<IdentifierField, { label: string; title: string }>> = {
  name: { label: 'the event name', title: 'Event name' },
  customer: { label: 'the customer ID', title: 'Customer ID' },
  contact: { label: 'the contact ID', title: 'Contact ID' },
};

export type PrepareResult =
  { ok: true; converter: RowConverter } | { ok: false; issues: MappingIssue[] };

/**
 * Binds a mapping to a file's header once, so that a million rows do not each look up columns or
 * decide the timestamp format. Problems that would affect every row (a column the file lacks, a
 * timestamp format that cannot be decided, an unknown zone) come back as mapping issues instead.
 */
export function prepareConversion(
  header: readonly string[],
  mapping: Mapping,
  options: ConversionOptions,
): PrepareResult {
  const issues: MappingIssue[] = [];
  const mappedColumns: { index: number; column: string }[] = [];
  const locate = (field: string, label: string, column: string): ReadCell | null => {
    const index = findColumn(header, column);
    // A column read twice (as text and as a number) is one cell, with one problem.
    if (index !== -1 && !mappedColumns.some((mapped) => mapped.index === index)) {
      mappedColumns.push({ index, column });
    }
    if (index !== -1) return cellReader(index);
    issues.push({
      field,
      column,
      kind: 'unknown_column',
      message: `The mapping reads ${label} from column ${JSON.stringify(column)}, but the file has no such column. ${missingColumnHint(header, column)}`,
    });
    return null;
  };
  const identifier = (field: IdentifierField, source: IdentifierSource): IdentifierPlan => {
    const { label, title } = IDENTIFIER_WORDS[field];
    if ('value' in source) {
      const value = source.value.trim();
      return { title, column: null, read: () => value };
    }
    return {
      title,
      column: source.column,
      read: locate(field, label, source.column) ?? (() => ''),
    };
  };
  const attributes = (field: string, label: string, from: Attributes | undefined) =>
    Object.entries(from ?? {}).map(([key, source]): AttributePlan => {
      if ('value' in source) return { key, constant: source.value };
      const read = locate(`${field}.${key}`, `${label} ${JSON.stringify(key)}`, source.column);
      const index = findColumn(header, source.column);
      return {
        key,
        column: source.column,
        index,
        type: source.type ?? 'string',
        decimal:
          source.decimal ??
          detectDecimalMark((options.sampleRows ?? []).map((row) => row[index] ?? '')).mark,
        read: read ?? (() => ''),
      };
    });

  const name = identifier('name', mapping.name);
  const customer = identifier('customer', mapping.customer);
  const contact = mapping.contact && identifier('contact', mapping.contact);
  const customerData = attributes('customerData', 'customer attribute', mapping.customerData);
  const contactData = attributes('contactData', 'contact attribute', mapping.contactData);

  const source = mapping.timestamp;
  const readTimestamp =
    'column' in source ? locate('timestamp', 'the timestamp', source.column) : null;
  const zone = source.timezone ?? options.zone ?? systemTimeZone();
  const format = source.format ?? 'auto';
  const context = { zone, now: options.now };
  let prepared: PreparedTimestamp | null = null;
  if (!isValidTimeZone(zone)) {
    issues.push({
      field: 'timestamp.timezone',
      column: null,
      kind: 'invalid_timezone',
      message: `${quoteValue(zone)} is not a time zone this computer knows: use an IANA name such as "Europe/Berlin".`,
    });
  } else if ('value' in source) {
    prepared = prepareFixedTimestamp(source.value, format, context);
  } else if (readTimestamp) {
    const samples = options.timestampSamples ?? [];
    const index = findColumn(header, source.column);
    prepared = prepareColumnTimestamp(
      source.column,
      index,
      readTimestamp,
      format,
      context,
      samples,
    );
  }
  if (prepared && !prepared.ok) issues.push(prepared.issue);
  const timestamp = prepared?.ok ? prepared.plan : null;

  if (issues.length > 0 || timestamp === null) return { ok: false, issues };
  const plan = {
    name,
    customer,
    contact: contact || null,
    timestamp,
    customerData,
    contactData,
    mappedColumns,
  };
  return {
    ok: true,
    converter: {
      convert: (cells, rowNumber, typed) => convertWithPlan(plan, cells, rowNumber, typed),
      check: (cells, rowNumber, typed) => checkWithPlan(plan, cells, rowNumber, typed),
      timestampDescription: timestamp.description,
      zone,
    },
  };
}

/** The result of `convertRow`: the row's outcome, or the mapping's problems if it cannot be used. */
export type OneRowResult =
  ({ ok: true } & ConvertResult) | { ok: false; mappingIssues: MappingIssue[] };

/**
 * Prepares and converts a single row, for tests and callers with only a row or two. Without
 * `timestampSamples` and `sampleRows`, the row's own cells decide an `auto` timestamp format and
 * decimal marks.
 */
export function convertRow(
  header: readonly string[],
  cells: readonly string[],
  mapping: Mapping,
  options: ConversionOptions & { rowNumber?: number },
): OneRowResult {
  let samples = options.timestampSamples;
  if (samples === undefined && 'column' in mapping.timestamp) {
    const index = findColumn(header, mapping.timestamp.column);
    samples = index === -1 ? [] : [cells[index] ?? ''];
  }
  const prepared = prepareConversion(header, mapping, {
    ...options,
    timestampSamples: samples ?? [],
    sampleRows: options.sampleRows ?? [cells],
  });
  if (!prepared.ok) return { ok: false, mappingIssues: prepared.issues };
  return { ok: true, ...prepared.converter.convert(cells, options.rowNumber ?? 2) };
}
