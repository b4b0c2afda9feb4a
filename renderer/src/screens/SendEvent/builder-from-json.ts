import { MAX_EVENTS_PER_REQUEST } from '../../../../shared/api';
import { NOW_PLACEHOLDER } from '../../../../shared/send-draft';
import type { AttributeType } from '../../../../shared/attribute-type';
import type { EditorAttribute, EditorContent, EditorEvent } from './builder-model';
import { newRowId } from './builder-model';

// JSON -> form. The form shows only what it can edit faithfully; anything else (a field the API
// does not have, a timestamp written as text, a nested attribute) stays in JSON mode, with a
// sentence saying what and where, instead of being changed or dropped on the way.

export type FromJsonResult = { ok: true; content: EditorContent } | { ok: false; message: string };

class Unrepresentable extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(value: Record<string, unknown>, keys: readonly string[], where: string): void {
  const extra = Object.keys(value).find((key) => !keys.includes(key));
  if (extra !== undefined)
    throw new Unrepresentable(`${where} has a field “${extra}” the form does not have.`);
}

function text(value: unknown, where: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  throw new Unrepresentable(`${where} must be text to be shown in the form.`);
}

function attributes(value: unknown, where: string): EditorAttribute[] {
  if (value === undefined) return [];
  if (!isObject(value))
    throw new Unrepresentable(`${where} must be an object of names and values.`);
  return Object.entries(value).map(([key, item]) => {
    const type = typeof item;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') {
      throw new Unrepresentable(
        `${where}: the value of “${key}” must be text, a number, or true/false.`,
      );
    }
    return { id: newRowId(), key, type: type as AttributeType, value: String(item) };
  });
}

function timestampText(value: unknown, where: string): string {
  if (value === undefined) return '';
  if (value === NOW_PLACEHOLDER) return NOW_PLACEHOLDER;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new Unrepresentable(
    `${where}: the timestamp must be whole Unix milliseconds or ${NOW_PLACEHOLDER}.`,
  );
}

function event(value: unknown, index: number): EditorEvent {
  const where = `Event ${index + 1}`;
  if (!isObject(value)) throw new Unrepresentable(`${where} must be an object.`);
  only(value, ['name', 'timestamp', 'identification', 'data'], where);
  const identification = value['identification'] ?? {};
  if (!isObject(identification))
    throw new Unrepresentable(`${where}: “identification” must be an object.`);
  only(identification, ['customer', 'contact'], `${where}’s identification`);
  const data = value['data'] ?? {};
  if (!isObject(data)) throw new Unrepresentable(`${where}: “data” must be an object.`);
  only(data, ['customer', 'contact'], `${where}’s data`);
  return {
    name: text(value['name'], `${where}: the event name`),
    timestamp: timestampText(value['timestamp'], where),
    customer: text(identification['customer'], `${where}: the customer ID`),
    contact: text(identification['contact'], `${where}: the contact ID`),
    customerAttributes: attributes(data['customer'], `${where}: the customer attributes`),
    contactAttributes: attributes(data['contact'], `${where}: the contact attributes`),
  };
}

/** The form's content for a parsed JSON request, or why the form cannot show it. */
export function contentFromValue(value: unknown): FromJsonResult {
  try {
    if (!isObject(value))
      throw new Unrepresentable('The request must be an object with an “events” list.');
    only(value, ['trackerKey', 'events'], 'The request');
    const events = value['events'];
    if (!Array.isArray(events) || events.length === 0) {
      throw new Unrepresentable('The request needs an “events” list with at least one event.');
    }
    if (events.length > MAX_EVENTS_PER_REQUEST) {
      throw new Unrepresentable(`A request can carry at most ${MAX_EVENTS_PER_REQUEST} events.`);
    }
    return {
      ok: true,
      content: {
        trackerKey: text(value['trackerKey'], 'The tracker key'),
        events: events.map(event),
      },
    };
  } catch (error) {
    if (error instanceof Unrepresentable) return { ok: false, message: error.message };
    throw error;
  }
}
