import {
  attributeKeyFor,
  autoMatch,
  guessAttributeType,
  type MatchField,
} from '../../../shared/auto-match';
import {
  mappingSchema,
  type AttributeSource,
  type AttributeType,
  type DecimalMark,
  type Mapping,
} from '../../../shared/mapping';
import { systemTimeZone } from '../../../shared/timestamps';

// The mapping step's form: what each control holds, turned into a mapping file (v1) only when it
// is checked with the same schema the main process checks again.

/** Where a target field's value comes from in the form. */
export type SourceDraft =
  { kind: 'none' } | { kind: 'column'; column: string } | { kind: 'value'; value: string };

export type AttributeOwner = 'customer' | 'contact';

export interface AttributeDraft {
  id: number;
  column: string;
  key: string;
  type: AttributeType;
  /** For a number: its decimal mark, or `auto` to let the import decide it from the column. */
  decimal: DecimalMark | 'auto';
}

export interface MappingDraft {
  name: SourceDraft;
  timestamp: SourceDraft;
  customer: SourceDraft;
  contact: SourceDraft;
  /** `auto`, a keyword (`iso8601`, …) or a date pattern such as `dd.MM.yyyy HH:mm`. */
  timestampFormat: string;
  timezone: string;
  customerData: AttributeDraft[];
  contactData: AttributeDraft[];
}

/** The four targets, in the order the screen shows them, with their labels. */
export const TARGETS: readonly { field: MatchField; label: string; required: boolean }[] = [
  { field: 'name', label: 'Event name', required: true },
  { field: 'timestamp', label: 'Timestamp', required: true },
  { field: 'customer', label: 'Customer ID', required: true },
  { field: 'contact', label: 'Contact ID', required: false },
];

let nextId = 1;
const newId = () => nextId++;

export function emptyDraft(zone = systemTimeZone()): MappingDraft {
  return {
    name: { kind: 'none' },
    timestamp: { kind: 'none' },
    customer: { kind: 'none' },
    contact: { kind: 'none' },
    timestampFormat: 'auto',
    timezone: zone,
    customerData: [],
    contactData: [],
  };
}

/** Auto-match's proposal as a form, and which fields were guessed (the screen marks them). */
export function draftFromHeader(
  header: readonly string[],
  samples: readonly (readonly string[])[],
  zone = systemTimeZone(),
): { draft: MappingDraft; guessed: Set<string> } {
  const match = autoMatch(header, samples);
  const draft = emptyDraft(zone);
  const guessed = new Set<string>();
  for (const { field } of TARGETS) {
    const column = match.fields[field];
    if (column === undefined) continue;
    draft[field] = { kind: 'column', column };
    guessed.add(field);
  }
  draft.customerData = match.customerData.map((a) => ({ id: newId(), decimal: 'auto', ...a }));
  draft.contactData = match.contactData.map((a) => ({ id: newId(), decimal: 'auto', ...a }));
  for (const a of [...draft.customerData, ...draft.contactData]) guessed.add(`attr-${a.id}`);
  return { draft, guessed };
}

function sourceDraft(source: { column: string } | { value: unknown } | undefined): SourceDraft {
  if (source === undefined) return { kind: 'none' };
  if ('column' in source) return { kind: 'column', column: source.column };
  return { kind: 'value', value: String(source.value) };
}

function attributeDrafts(attributes: Record<string, AttributeSource> | undefined) {
  return Object.entries(attributes ?? {}).flatMap(([key, source]): AttributeDraft[] =>
    'column' in source
      ? [
          {
            id: newId(),
            column: source.column,
            key,
            type: source.type ?? 'string',
            decimal: source.decimal ?? 'auto',
          },
        ]
      : [],
  );
}

/** A loaded or remembered mapping as a form (fixed attribute values are not editable here). */
export function draftFromMapping(mapping: Mapping, zone = systemTimeZone()): MappingDraft {
  return {
    name: sourceDraft(mapping.name),
    timestamp: sourceDraft(mapping.timestamp),
    customer: sourceDraft(mapping.customer),
    contact: sourceDraft(mapping.contact),
    timestampFormat: mapping.timestamp.format ?? 'auto',
    timezone: mapping.timestamp.timezone ?? zone,
    customerData: attributeDrafts(mapping.customerData),
    contactData: attributeDrafts(mapping.contactData),
  };
}

/** Columns no target or attribute reads yet. */
export function unusedColumns(draft: MappingDraft, header: readonly string[]): string[] {
  const used = new Set<string>();
  for (const { field } of TARGETS) {
    const source = draft[field];
    if (source.kind === 'column') used.add(source.column);
  }
  for (const a of [...draft.customerData, ...draft.contactData]) used.add(a.column);
  return header.filter((column) => !used.has(column));
}

/** Adds an attribute row per column given, with keys from the headers and types from the samples. */
export function withAttributes(
  draft: MappingDraft,
  owner: AttributeOwner,
  columns: readonly string[],
  header: readonly string[],
  samples: readonly (readonly string[])[],
): MappingDraft {
  const list = owner === 'customer' ? draft.customerData : draft.contactData;
  const taken = new Set(list.map((a) => a.key));
  const added = columns.map((column): AttributeDraft => {
    const index = header.indexOf(column);
    let key = attributeKeyFor(column, index);
    for (let n = 2; taken.has(key); n += 1) key = `${attributeKeyFor(column, index)}_${n}`;
    taken.add(key);
    const type = guessAttributeType(samples.map((row) => row[index] ?? ''));
    return { id: newId(), column, key, type, decimal: 'auto' };
  });
  const next = [...list, ...added];
  return owner === 'customer' ? { ...draft, customerData: next } : { ...draft, contactData: next };
}

export type DraftCheck =
  { ok: true; mapping: Mapping } | { ok: false; problems: { field: string; message: string }[] };

function toSource(source: SourceDraft): { column: string } | { value: string } | undefined {
  if (source.kind === 'column') return { column: source.column };
  if (source.kind === 'value') return { value: source.value };
  return undefined;
}

function toAttributes(list: readonly AttributeDraft[]): Record<string, unknown> | undefined {
  if (list.length === 0) return undefined;
  return Object.fromEntries(
    list.map((a) => [
      a.key.trim(),
      {
        column: a.column,
        ...(a.type === 'string' ? {} : { type: a.type }),
        ...(a.type === 'number' && a.decimal !== 'auto' ? { decimal: a.decimal } : {}),
      },
    ]),
  );
}

/**
 * The form as a mapping file, checked with `mappingSchema`. Problems come back per field, in the
 * words of the schema or, for what the schema cannot see in a form (an empty required choice, a
 * key used twice), in words of their own.
 */
export function checkDraft(draft: MappingDraft): DraftCheck {
  const problems: { field: string; message: string }[] = [];
  for (const { field, label, required } of TARGETS) {
    if (required && draft[field].kind === 'none') {
      problems.push({
        field,
        message: `Choose the column that holds the ${label.toLowerCase()}, or type a fixed value.`,
      });
    }
  }
  for (const [owner, list] of [
    ['customerData', draft.customerData],
    ['contactData', draft.contactData],
  ] as const) {
    const seen = new Set<string>();
    for (const a of list) {
      const key = a.key.trim();
      if (key === '')
        problems.push({ field: `${owner}.${a.id}`, message: 'The attribute key is empty.' });
      else if (seen.has(key)) {
        problems.push({ field: `${owner}.${a.id}`, message: `The key "${key}" is used twice.` });
      }
      seen.add(key);
    }
  }
  if (draft.contactData.length > 0 && draft.contact.kind === 'none') {
    problems.push({
      field: 'contact',
      message:
        'Contact attributes need a contact ID: choose the column that holds it, or remove them.',
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const timestamp = toSource(draft.timestamp);
  const candidate = {
    version: 1,
    name: toSource(draft.name),
    timestamp: timestamp && {
      ...timestamp,
      format: draft.timestampFormat.trim() === '' ? 'auto' : draft.timestampFormat,
      timezone: draft.timezone.trim(),
    },
    customer: toSource(draft.customer),
    contact: toSource(draft.contact),
    customerData: toAttributes(draft.customerData),
    contactData: toAttributes(draft.contactData),
  };
  const parsed = mappingSchema.safeParse(JSON.parse(JSON.stringify(candidate)));
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
