import type { z } from 'zod';
import { attributeTypeSchema } from './attribute-type';
import { delimiterChoicesText } from './delimiters';
import { closestMatches, quoteList } from './suggest';

// Turns zod's issues about a mapping file into sentences a non-engineer can act on. Kept apart from
// the schema so that the schema reads as the format and this file as the wording.

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Marks the "neither column nor value" issue so a typo report ("colum"?) can stand in for it. */
export const SOURCE_WITHOUT_ORIGIN = 'source_without_origin';

const TOP_FIELDS = [
  'version',
  'source',
  'name',
  'timestamp',
  'customer',
  'contact',
  'customerData',
  'contactData',
];
const FILE_SOURCE_FIELDS = ['encoding', 'delimiter', 'headerRow', 'sheet'];
const IDENTIFIER_FIELDS = ['column', 'value'];
const TIMESTAMP_FIELDS = ['column', 'value', 'format', 'timezone'];
const ATTRIBUTE_FIELDS = ['column', 'value', 'type'];

type SourceKind = 'identifier' | 'timestamp' | 'attribute';

function sourceKindAt(path: Path): SourceKind | undefined {
  const [first] = path;
  if (path.length === 1 && (first === 'name' || first === 'customer' || first === 'contact')) {
    return 'identifier';
  }
  if (path.length === 1 && first === 'timestamp') return 'timestamp';
  if (path.length === 2 && (first === 'customerData' || first === 'contactData')) {
    return 'attribute';
  }
  return undefined;
}

function knownFieldsAt(path: Path): readonly string[] {
  if (path.length === 0) return TOP_FIELDS;
  if (path.length === 1 && path[0] === 'source') return FILE_SOURCE_FIELDS;
  const kind = sourceKindAt(path);
  if (kind === 'identifier') return IDENTIFIER_FIELDS;
  if (kind === 'timestamp') return TIMESTAMP_FIELDS;
  if (kind === 'attribute') return ATTRIBUTE_FIELDS;
  return [];
}

const MISSING_VERSION = 'The mapping has no "version": add "version": 1.';
const MISSING_TOP_FIELD: Readonly<Record<string, string>> = {
  version: MISSING_VERSION,
  name: 'The mapping has no "name": say which column holds the event name, e.g. { "column": "event_name" }, or give a fixed name, e.g. { "value": "signup" }.',
  timestamp:
    'The mapping has no "timestamp": say which column holds when the event happened, e.g. { "column": "occurred_at" }.',
  customer:
    'The mapping has no "customer": say which column holds the customer ID, e.g. { "column": "customer_id" }.',
};

const VALUE_TYPE_WORDS: Readonly<Record<SourceKind, string>> = {
  identifier: 'text',
  timestamp: 'a number (Unix milliseconds) or text',
  attribute: 'text, a number, or true/false',
};

function dotted(path: Path): string {
  return path.map((key) => String(key)).join('.');
}

function at(path: Path): string {
  return path.length === 0 ? '' : ` (at ${dotted(path)})`;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function unknownFieldMessage(key: string, path: Path): { message: string; guess?: string } {
  const where = path.length === 0 ? 'in the mapping' : `in ${dotted(path)}`;
  const known = knownFieldsAt(path);
  const [guess] = closestMatches(key, known, 1);
  if (guess !== undefined) {
    return {
      message: `Unknown field ${JSON.stringify(key)} ${where}. Did you mean ${JSON.stringify(guess)}?`,
      guess,
    };
  }
  const list = known.length > 0 ? ` The fields there are ${quoteList(known, 'and')}.` : '';
  return { message: `Unknown field ${JSON.stringify(key)} ${where}.${list}` };
}

function wrongTypeMessage(path: Path, data: unknown): string {
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (path.length === 0) {
    return 'The mapping must be a JSON object, e.g. { "version": 1, "name": …, "timestamp": …, "customer": … }.';
  }
  if (path.length === 1 && valueAt(data, path) === undefined) {
    return MISSING_TOP_FIELD[String(last)] ?? `The mapping has no ${JSON.stringify(last)}.`;
  }
  if (sourceKindAt(path) !== undefined) {
    return `${JSON.stringify(dotted(path))} must be an object such as { "column": "<header>" } or { "value": … }.`;
  }
  if (path.length === 1 && (last === 'customerData' || last === 'contactData')) {
    return `${JSON.stringify(last)} must be an object of attribute names, e.g. { "plan": { "column": "Plan" } }.`;
  }
  if (path.length === 1 && last === 'source') {
    return '"source" must be an object such as { "encoding": "auto", "delimiter": "auto", "headerRow": 1 }.';
  }
  if (last === 'column') {
    return `"column" must be the column's header as text, e.g. "customer_id"${at(parent)}.`;
  }
  const kind = sourceKindAt(parent);
  if (last === 'value' && kind !== undefined) {
    return `"value" must be ${VALUE_TYPE_WORDS[kind]}${at(parent)}.`;
  }
  if (last === 'headerRow') return headerRowMessage(path);
  return `${JSON.stringify(dotted(path))} has the wrong type.`;
}

function headerRowMessage(path: Path): string {
  return `"headerRow" must be a whole number, 1 or more: the row that holds the column names${at(path.slice(0, -1))}.`;
}

function invalidValueMessage(issue: Issue & { code: 'invalid_value' }, data: unknown): string {
  const { path } = issue;
  const last = path[path.length - 1];
  const given = valueAt(data, path);
  if (path.length === 1 && last === 'version') {
    if (given === undefined) return MISSING_VERSION;
    return typeof given === 'number'
      ? `This mapping file is version ${given}; this app reads version 1.`
      : '"version" must be the number 1.';
  }
  if (last === 'type') {
    return `${JSON.stringify(given)} is not a type: use ${quoteList(attributeTypeSchema.options)}${at(path.slice(0, -1))}.`;
  }
  if (last === 'delimiter') {
    return `${JSON.stringify(given)} is not a delimiter: use ${delimiterChoicesText()}${at(path.slice(0, -1))}.`;
  }
  const choices = issue.values.map((choice) => JSON.stringify(choice)).join(', ');
  return `${JSON.stringify(given)} is not allowed: use one of ${choices}${at(path.slice(0, -1))}.`;
}

function describeIssue(issue: Issue, data: unknown): string[] {
  const { path } = issue;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownFieldMessage(key, path).message);
    case 'invalid_type':
      return [wrongTypeMessage(path, data)];
    case 'invalid_union':
      return [wrongTypeMessage(path, data)];
    case 'invalid_value':
      return [invalidValueMessage(issue, data)];
    case 'invalid_key':
      return [
        sentenceAt(
          issue.issues[0]?.message ?? 'An attribute name is not allowed.',
          path.slice(0, -1),
        ),
      ];
    case 'too_small':
    case 'too_big':
      if (path[path.length - 1] === 'headerRow') return [headerRowMessage(path)];
      if (path[path.length - 1] === 'column') {
        return [`"column" is empty: write the column's header${at(path.slice(0, -1))}.`];
      }
      return [`${JSON.stringify(dotted(path))} is empty.`];
    case 'custom':
      return [sentenceAt(issue.message, path)];
    default:
      return [sentenceAt(issue.message, path)];
  }
}

function sentenceAt(message: string, path: Path): string {
  if (path.length === 0) return message;
  if (message.endsWith('?')) return `${message}${at(path)}`;
  const base = message.endsWith('.') ? message.slice(0, -1) : message;
  return `${base}${at(path)}.`;
}

/**
 * Plain sentences for zod's issues about a mapping, given the parsed JSON they came from. A "missing"
 * issue is left out when a misspelt field next to it already says "Did you mean …?" about it.
 */
export function describeMappingIssues(issues: readonly Issue[], data: unknown): string[] {
  const guessed = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const { guess } = unknownFieldMessage(key, issue.path);
      if (guess !== undefined) guessed.add(dotted([...issue.path, guess]));
    }
  }
  const messages: string[] = [];
  for (const issue of issues) {
    if (isStoodInFor(issue, data, guessed)) continue;
    for (const message of describeIssue(issue, data)) {
      if (!messages.includes(message)) messages.push(message);
    }
  }
  return messages;
}

function isStoodInFor(issue: Issue, data: unknown, guessed: ReadonlySet<string>): boolean {
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) {
    return guessed.has(dotted(issue.path));
  }
  if (issue.code === 'custom' && issue.params?.['rule'] === SOURCE_WITHOUT_ORIGIN) {
    return (
      guessed.has(dotted([...issue.path, 'column'])) ||
      guessed.has(dotted([...issue.path, 'value']))
    );
  }
  return false;
}
