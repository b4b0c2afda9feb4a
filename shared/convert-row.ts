import type { TrackEvent } from './api';
import type { ReadCell } from './columns';
import type { TimestampPlan } from './convert-timestamp';
import { withColumn } from './issues';
import type { RowIssue } from './issues';
import type { AttributeType } from './mapping';
import { parseBooleanCell, parseNumberCell } from './values';

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

/** How to read one attribute: a fixed value, or a column read as `type`. */
export type AttributePlan =
  | { key: string; constant: string | number | boolean }
  | { key: string; column: string; type: AttributeType; read: ReadCell };

/** A mapping bound to a header: how to read each part of the event from a row. */
export interface Plan {
  name: IdentifierPlan;
  customer: IdentifierPlan;
  contact: IdentifierPlan | null;
  timestamp: TimestampPlan;
  customerData: AttributePlan[];
  contactData: AttributePlan[];
}

/** Converts one row by a plan; never throws (see `RowConverter.convert`). */
export function convertWithPlan(plan: Plan, cells: readonly string[], row: number): ConvertResult {
  const issues: RowIssue[] = [];
  const required = (field: IdentifierPlan): string => {
    const value = field.read(cells).trim();
    if (value === '') issues.push(missing(row, field.title, field.column));
    return value;
  };
  const name = required(plan.name);
  const timestamp = plan.timestamp.read(cells, row, issues);
  const customer = required(plan.customer);
  const contact = plan.contact ? plan.contact.read(cells).trim() : '';
  const customerData = readAttributes(plan.customerData, cells, row, issues);
  let contactData: Record<string, string | number | boolean> | null = null;
  if (contact !== '') {
    contactData = readAttributes(plan.contactData, cells, row, issues);
  } else if (plan.contactData.some((attribute) => hasValue(attribute, cells))) {
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
  if (timestamp === null || issues.some((issue) => issue.severity === 'error')) {
    return { event: null, issues };
  }
  const event: TrackEvent = {
    name,
    timestamp,
    identification: contact !== '' ? { customer, contact } : { customer },
  };
  if (customerData || contactData) {
    event.data = {
      ...(customerData && { customer: customerData }),
      ...(contactData && { contact: contactData }),
    };
  }
  return { event, issues };
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

function hasValue(attribute: AttributePlan, cells: readonly string[]): boolean {
  return 'constant' in attribute || attribute.read(cells).trim() !== '';
}

/** The attributes of one row, or null when none has a value (so `data` can be left out). */
function readAttributes(
  plans: readonly AttributePlan[],
  cells: readonly string[],
  row: number,
  issues: RowIssue[],
): Record<string, string | number | boolean> | null {
  let values: Record<string, string | number | boolean> | null = null;
  for (const attribute of plans) {
    if ('constant' in attribute) {
      (values ??= {})[attribute.key] = attribute.constant;
      continue;
    }
    // Text keeps its inner spacing but loses the surrounding spaces spreadsheets add unseen.
    const text = attribute.read(cells).trim();
    if (text === '') continue;
    if (attribute.type === 'string') {
      (values ??= {})[attribute.key] = text;
      continue;
    }
    const parsed = attribute.type === 'number' ? parseNumberCell(text) : parseBooleanCell(text);
    if (parsed.ok) {
      (values ??= {})[attribute.key] = parsed.value;
    } else {
      issues.push({
        row,
        column: attribute.column,
        kind: attribute.type === 'number' ? 'invalid_number' : 'invalid_boolean',
        severity: 'error',
        message: withColumn(parsed.message, attribute.column),
      });
    }
  }
  return values;
}
