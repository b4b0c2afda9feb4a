import type { AttributeType } from '../../../../shared/attribute-type';
import type {
  BuilderAttribute,
  BuilderContent,
  BuilderEvent,
} from '../../../../shared/send-builder';

// The builder's content as the editors hold it: the shared `BuilderContent` plus a stable id per
// attribute row, so that moving a row moves its inputs (and the keyboard focus) with it.

export interface EditorAttribute extends BuilderAttribute {
  id: string;
}

export interface EditorEvent extends Omit<
  BuilderEvent,
  'customerAttributes' | 'contactAttributes'
> {
  customerAttributes: EditorAttribute[];
  contactAttributes: EditorAttribute[];
}

export interface EditorContent {
  trackerKey: string;
  events: EditorEvent[];
}

/** Which key/value editor: the customer's attributes or the contact's. */
export type AttributeEditorKind = 'customer' | 'contact';

export const attributeListKey = {
  customer: 'customerAttributes',
  contact: 'contactAttributes',
} as const satisfies Record<AttributeEditorKind, keyof EditorEvent>;

let lastRowId = 0;

/** A new row id, unique within this page. */
export function newRowId(): string {
  lastRowId += 1;
  return `row-${lastRowId}`;
}

export function newAttribute(type: AttributeType = 'string'): EditorAttribute {
  return { id: newRowId(), key: '', type, value: type === 'boolean' ? 'true' : '' };
}

/** An empty event whose timestamp is `now` (Unix ms). */
export function newEvent(now: number): EditorEvent {
  return {
    name: '',
    timestamp: String(now),
    customer: '',
    contact: '',
    customerAttributes: [],
    contactAttributes: [],
  };
}

export function newContent(now: number): EditorContent {
  return { trackerKey: '', events: [newEvent(now)] };
}

/** The content to store (a template): the row ids go. */
export function toBuilderContent(content: EditorContent): BuilderContent {
  const strip = (rows: EditorAttribute[]): BuilderAttribute[] =>
    rows.map(({ key, type, value }) => ({ key, type, value }));
  return {
    trackerKey: content.trackerKey,
    events: content.events.map((event) => ({
      ...event,
      customerAttributes: strip(event.customerAttributes),
      contactAttributes: strip(event.contactAttributes),
    })),
  };
}

/** Stored content (a template) in the editors: every row gets an id. */
export function fromBuilderContent(content: BuilderContent): EditorContent {
  const withIds = (rows: BuilderAttribute[]): EditorAttribute[] =>
    rows.map((row) => ({ ...row, id: newRowId() }));
  return {
    trackerKey: content.trackerKey,
    events: content.events.map((event) => ({
      ...event,
      customerAttributes: withIds(event.customerAttributes),
      contactAttributes: withIds(event.contactAttributes),
    })),
  };
}

/** `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  if (item === undefined) return [...list];
  next.splice(target, 0, item);
  return next;
}
