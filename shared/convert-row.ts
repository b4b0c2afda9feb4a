import type { TrackEvent } from './api';
import type { ReadCell } from './columns';
import type { TimestampPlan } from './convert-timestamp';
import { withColumn } from './issues';
import type { RowIssue } from './issues';
import type { AttributeType, DecimalMark } from './mapping';
import type { TypedCells } from './typed-cells';
import { booleanCellValue, numberCellValue, parseBooleanCell, parseNumberCell } from './values';

// The per-row half of a conversion: everything here runs once per row of a file of up to millions,
// so it only reads cells through readers decided beforehand.

/** One row's outcome: the event (null when any issue is an error) and every issue found. */
export interface ConvertResult {
  event: TrackEvent | null;
  issues: RowIssue[];
}

/** How to read an event name, customer ID or contact ID; `title` starts the "is empty" message. */
export interface IdentifierPlan {
  title: string;
  column: string | null;
  read: ReadCell;
}

/**
 * How to read one attribute: a fixed value, or a column read as `type`; `decimal` is the mark its
 * text is read with when `type` is number (a cell that already holds a number needs none).
 */
export type AttributePlan =
  | { key: string; constant: string | number | boolean }
  | {
      key: string;
      column: string;
      /** The column's index, for its typed cell (a workbook's number is read as it is). */
      index: number;
      type: AttributeType;
      decimal: DecimalMark;
      read: ReadCell;
    };

/** A mapping bound to a header: how to read each part of the event from a row. */
export interface Plan {
  name: IdentifierPlan;
  customer: IdentifierPlan;
  contact: IdentifierPlan | null;
  timestamp: TimestampPlan;
  customerData: AttributePlan[];
  contactData: AttributePlan[];
  /** Every column the mapping reads, by index: an error cell in one of them stops the row. */
  mappedColumns: readonly { index: number; column: string }[];
}

/** Whether a row can be sent, and every issue found, for validation (which needs no event). */
export interface RowCheck {
  valid: boolean;
  issues: RowIssue[];
}

type AttributeValues = Record<string, string | number | boolean>;

/** What a row holds once read and checked, before it is shaped into an event. */
interface RowValues {
  name: string;
  timestamp: number;
  customer: string;
  contact: string;
  customerData: AttributeValues | null;
  contactData: AttributeValues | null;
}

/**
 * Converts one row by a plan; never throws (see `RowConverter.convert`). `typed` is what a
 * workbook says its cells are (see shared/typed-cells.ts); a CSV row has none.
 */
export function convertWithPlan(
  plan: Plan,
  cells: readonly string[],
  row: number,
  typed?: TypedCells,
): ConvertResult {
  const issues: RowIssue[] = [];
  const values = readRow(plan, cells, row, issues, true, typed);
  return { event: values && toEvent(values), issues };
}

/**
 * Checks one row exactly as `convertWithPlan` converts it, without building the event and its
 * attribute objects, which are about a tenth of the time validating a big file takes.
 */
export function checkWithPlan(
  plan: Plan,
  cells: readonly string[],
  row: number,
  typed?: TypedCells,
): RowCheck {
  const issues: RowIssue[] = [];
  return { valid: readRow(plan, cells, row, issues, false, typed) !== null, issues };
}

/**
 * Adds an issue for each mapped cell that holds an Excel error or an uncalculated formula; true
 * when there was one. Such a row is not read further: its other cells' problems show once the
 * cell is fixed (a cell typed over in the review is text, and has no typed entry any more).
 */
function cellProblems(plan: Plan, typed: TypedCells, row: number, issues: RowIssue[]): boolean {
  let found = false;
  for (const { index, column } of plan.mappedColumns) {
    const cell = typed[index];
    if (cell?.kind !== 'problem') continue;
    found = true;
    issues.push({
      row,
      column,
      kind: cell.problem,
      severity: 'error',
      message: withColumn(cell.message, column),
    });
  }
  return found;
}

/**
 * Reads and checks every part of a row, adding its issues to `issues`; null when the row cannot be
 * sent. Attribute objects are built only when `keep` is set. Runs once per row of files of
 * millions of rows, so it creates no closures (tsx and vite wrap every closure made per call in a
 * naming helper, which alone costs about a tenth).
 */
function readRow(
  plan: Plan,
  cells: readonly string[],
  row: number,
  issues: RowIssue[],
  keep: boolean,
  typed: TypedCells | undefined,
): RowValues | null {
  if (typed !== undefined && cellProblems(plan, typed, row, issues)) return null;
  const name = readRequired(plan.name, cells, row, issues);
  const timestamp = plan.timestamp.read(cells, row, issues, typed);
  const customer = readRequired(plan.customer, cells, row, issues);
  const contact = plan.contact ? plan.contact.read(cells).trim() : '';
  const customerData = readAttributes(plan.customerData, cells, row, issues, keep, typed);
  let contactData: AttributeValues | null = null;
  if (contact !== '') {
    contactData = readAttributes(plan.contactData, cells, row, issues, keep, typed);
  } else if (anyValue(plan.contactData, cells)) {
    issues.push({
      row,
      column: plan.contact?.column ?? null,
      kind: 'contact_data_without_contact',
      severity: 'warning',
      message: plan.contact?.column
        ? withColumn(
            'Contact attributes were left out because the contact ID is empty',
            plan.contact.column,
          )
        : 'Contact attributes were left out because the row has no contact ID.',
    });
  }
  if (timestamp === null || hasError(issues)) return null;
  return { name, timestamp, customer, contact, customerData, contactData };
}

function toEvent(values: RowValues): TrackEvent {
  const { customer, contact, customerData, contactData } = values;
  const event: TrackEvent = {
    name: values.name,
    timestamp: values.timestamp,
    identification: contact !== '' ? { customer, contact } : { customer },
  };
  if (customerData && contactData) event.data = { customer: customerData, contact: contactData };
  else if (customerData) event.data = { customer: customerData };
  else if (contactData) event.data = { contact: contactData };
  return event;
}

/** An event name or ID, trimmed; an empty one adds a `missing_value` error. */
function readRequired(
  field: IdentifierPlan,
  cells: readonly string[],
  row: number,
  issues: RowIssue[],
): string {
  const value = field.read(cells).trim();
  if (value === '') issues.push(missing(row, field.title, field.column));
  return value;
}

function hasError(issues: readonly RowIssue[]): boolean {
  for (const issue of issues) if (issue.severity === 'error') return true;
  return false;
}

function missing(row: number, title: string, column: string | null): RowIssue {
  const sentence = `${title} is empty`;
  return {
    row,
    column,
    kind: 'missing_value',
    severity: 'error',
    message: column === null ? `${sentence}.` : withColumn(sentence, column),
  };
}

function anyValue(plans: readonly AttributePlan[], cells: readonly string[]): boolean {
  for (const attribute of plans) if (hasValue(attribute, cells)) return true;
  return false;
}

function hasValue(attribute: AttributePlan, cells: readonly string[]): boolean {
  return 'constant' in attribute || attribute.read(cells).trim() !== '';
}

/**
 * The attributes of one row, or null when none has a value (so `data` can be left out); always
 * null unless `keep` is set, when only the issues are wanted.
 */
function readAttributes(
  plans: readonly AttributePlan[],
  cells: readonly string[],
  row: number,
  issues: RowIssue[],
  keep: boolean,
  typed: TypedCells | undefined,
): AttributeValues | null {
  let values: AttributeValues | null = null;
  for (const attribute of plans) {
    if ('constant' in attribute) {
      if (keep) (values ??= {})[attribute.key] = attribute.constant;
      continue;
    }
    // Text keeps its inner spacing but loses the surrounding spaces spreadsheets add unseen.
    const text = attribute.read(cells).trim();
    if (text === '') continue;
    if (attribute.type === 'string') {
      if (keep) (values ??= {})[attribute.key] = text;
      continue;
    }
    // A workbook's number cell is the number itself: no decimal mark to read.
    const cell = typed?.[attribute.index];
    const value =
      attribute.type === 'number'
        ? cell?.kind === 'number'
          ? cell.value
          : numberCellValue(text, attribute.decimal)
        : booleanCellValue(text);
    if (value === null || Number.isNaN(value)) {
      issues.push(invalidValue(row, attribute.column, attribute.type, attribute.decimal, text));
    } else if (keep) {
      (values ??= {})[attribute.key] = value;
    }
  }
  return values;
}

/** The error for a cell that is not a number or not a yes/no value, with the parser's words. */
function invalidValue(
  row: number,
  column: string,
  type: 'number' | 'boolean',
  decimal: DecimalMark,
  text: string,
): RowIssue {
  const parsed = type === 'number' ? parseNumberCell(text, decimal) : parseBooleanCell(text);
  return {
    row,
    column,
    kind: type === 'number' ? 'invalid_number' : 'invalid_boolean',
    severity: 'error',
    message: withColumn(parsed.ok ? '' : parsed.message, column),
  };
}
