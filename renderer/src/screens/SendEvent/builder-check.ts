import {
  FORBIDDEN_ATTRIBUTE_MESSAGE,
  FORBIDDEN_ATTRIBUTE_NAME,
} from '../../../../shared/safe-record';
import type { z } from 'zod';
import { draftRequestSchema, NOW_PLACEHOLDER } from '../../../../shared/send-draft';
import type { DraftRequest } from '../../../../shared/send-draft';
import type {
  AttributeEditorKind,
  EditorAttribute,
  EditorContent,
  EditorEvent,
} from './builder-model';

/** A field of one event in the form. */
export type EventField = 'name' | 'timestamp' | 'customer' | 'contact';

/** A problem the form shows beside the field it is about. */
export type BuilderIssue =
  | { kind: 'field'; event: number; field: EventField; message: string }
  | {
      kind: 'attribute';
      event: number;
      editor: AttributeEditorKind;
      row: number;
      part: 'key' | 'value';
      message: string;
    }
  | { kind: 'trackerKey'; message: string }
  | { kind: 'request'; message: string };

export interface CheckedContent {
  /** The request to send, or null while there are issues. */
  request: DraftRequest | null;
  issues: BuilderIssue[];
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Value = string | number | boolean;

/** A row is blank (and left out) when it has neither a name nor a value typed in. */
export function isBlankRow(row: EditorAttribute): boolean {
  return row.key === '' && (row.type === 'boolean' || row.value === '');
}

function attributeValues(
  rows: EditorAttribute[],
  report: (row: number, part: 'key' | 'value', message: string) => void,
): Record<string, Value> {
  const values: Record<string, Value> = {};
  rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    if (row.key.trim() === '') report(index, 'key', 'Give this attribute a name.');
    else if (row.key === FORBIDDEN_ATTRIBUTE_NAME)
      report(index, 'key', FORBIDDEN_ATTRIBUTE_MESSAGE);
    else if (Object.hasOwn(values, row.key)) {
      report(index, 'key', `There is already an attribute named “${row.key}” above.`);
    }
    if (row.type === 'number') {
      const text = row.value.trim();
      if (!NUMBER.test(text) || !Number.isFinite(Number(text))) {
        report(index, 'value', 'Enter a number, such as 42 or 3.5.');
        return;
      }
      values[row.key] = Number(text);
    } else if (row.type === 'boolean') values[row.key] = row.value === 'true';
    else values[row.key] = row.value;
  });
  return values;
}

/** The timestamp as the request carries it: a number, `{{now}}`, or the text itself (invalid). */
export function timestampValue(text: string): number | string {
  const trimmed = text.trim();
  if (INTEGER.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

function eventValue(
  event: EditorEvent,
  index: number,
  issues: BuilderIssue[],
): Record<string, unknown> {
  const report =
    (editor: AttributeEditorKind) => (row: number, part: 'key' | 'value', message: string) =>
      issues.push({ kind: 'attribute', event: index, editor, row, part, message });
  const customerData = attributeValues(event.customerAttributes, report('customer'));
  const contactData = attributeValues(event.contactAttributes, report('contact'));
  const timestamp = timestampValue(event.timestamp);
  if (typeof timestamp === 'string' && timestamp !== NOW_PLACEHOLDER) {
    issues.push({
      kind: 'field',
      event: index,
      field: 'timestamp',
      message:
        timestamp === ''
          ? 'The timestamp is empty: pick a date and time, or use the time of sending.'
          : 'The timestamp must be Unix milliseconds: pick a date and time instead.',
    });
  }
  const hasCustomerData = Object.keys(customerData).length > 0;
  const hasContactData = Object.keys(contactData).length > 0;
  return {
    name: event.name,
    timestamp,
    identification: {
      customer: event.customer,
      ...(event.contact === '' ? {} : { contact: event.contact }),
    },
    ...(hasCustomerData || hasContactData
      ? {
          data: {
            ...(hasCustomerData ? { customer: customerData } : {}),
            ...(hasContactData ? { contact: contactData } : {}),
          },
        }
      : {}),
  };
}

/**
 * The form's content as a request value, sent or shown as JSON even while it has issues (those
 * are collected in `issues`). Blank attribute rows are left out.
 */
export function contentToValue(content: EditorContent, issues: BuilderIssue[] = []) {
  const trackerKey = content.trackerKey.trim();
  return {
    ...(trackerKey === '' ? {} : { trackerKey }),
    events: content.events.map((event, index) => eventValue(event, index, issues)),
  };
}

function issueFor(issue: z.core.$ZodIssue, content: EditorContent): BuilderIssue {
  const [top, index, ...rest] = issue.path;
  if (top === 'trackerKey') return { kind: 'trackerKey', message: issue.message };
  if (top !== 'events' || typeof index !== 'number') {
    return { kind: 'request', message: issue.message };
  }
  const event = content.events[index];
  const [first, second, key] = rest;
  if (first === 'name' || first === 'timestamp') {
    return { kind: 'field', event: index, field: first, message: issue.message };
  }
  if (first === 'identification' && (second === 'customer' || second === 'contact')) {
    return { kind: 'field', event: index, field: second, message: issue.message };
  }
  if (first === 'data' && (second === 'customer' || second === 'contact') && event) {
    const rows = event[second === 'customer' ? 'customerAttributes' : 'contactAttributes'];
    const row = rows.findIndex((item) => item.key === key);
    if (row >= 0) {
      return {
        kind: 'attribute',
        event: index,
        editor: second,
        row,
        part: 'key',
        message: issue.message,
      };
    }
  }
  return { kind: 'request', message: `Event ${index + 1}: ${issue.message}` };
}

/**
 * Checks the form with the shared schema the main process checks again, and answers the request
 * to send (null while anything is wrong) with every problem placed on its field.
 */
export function checkContent(content: EditorContent): CheckedContent {
  const issues: BuilderIssue[] = [];
  const value = contentToValue(content, issues);
  const parsed = draftRequestSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const placed = issueFor(issue, content);
      const duplicate = issues.some(
        (known) =>
          known.kind === placed.kind &&
          JSON.stringify({ ...known, message: '' }) === JSON.stringify({ ...placed, message: '' }),
      );
      if (!duplicate) issues.push(placed);
    }
  }
  return { request: parsed.success && issues.length === 0 ? parsed.data : null, issues };
}
