import { z } from 'zod';
import { delimiterChoiceSchema } from './delimiters';
import { describeMappingIssues } from './mapping-messages';
import {
  attributesSchema,
  identifierSourceSchema,
  stripUndefined,
  timestampSourceSchema,
} from './mapping-sources';
import type { Attributes } from './mapping-sources';

export {
  attributeTypeSchema,
  decimalMarkSchema,
  type AttributeType,
  type DecimalMark,
} from './attribute-type';
export {
  TIMESTAMP_FORMAT_KEYWORDS,
  attributeSourceSchema,
  attributesSchema,
  identifierSourceSchema,
  timestampSourceSchema,
} from './mapping-sources';
export type {
  AttributeSource,
  Attributes,
  IdentifierSource,
  TimestampSource,
} from './mapping-sources';

// The column-mapping file v1 (docs/architecture.md, "The mapping file (v1)"): its schema, reading
// a file with plain-words errors, and saving one.

/** The file settings a mapping may pin; each one left out means "detect" (or the first row). */
export const DEFAULT_FILE_SOURCE = { encoding: 'auto', delimiter: 'auto', headerRow: 1 } as const;

export const fileSourceSchema = z.strictObject({
  encoding: z.string().min(1).optional(),
  delimiter: delimiterChoiceSchema.optional(),
  /** 1-based; the lines above it are ignored. */
  headerRow: z.int().min(1).optional(),
  /** A workbook's sheet, by name; the first visible sheet when left out. CSV files ignore it. */
  sheet: z.string().min(1).optional(),
});
export type FileSource = z.infer<typeof fileSourceSchema>;

/** The mapping's CSV settings with the defaults filled in (`sheet` is a workbook's alone). */
export function fileSettings(mapping: Mapping): Required<Omit<FileSource, 'sheet'>> & FileSource {
  return { ...DEFAULT_FILE_SOURCE, ...stripUndefined(mapping.source ?? {}) };
}

/** A column-mapping file, version 1. */
export const mappingSchema = z
  .strictObject({
    version: z.literal(1),
    source: fileSourceSchema.optional(),
    name: identifierSourceSchema,
    timestamp: timestampSourceSchema,
    customer: identifierSourceSchema,
    contact: identifierSourceSchema.optional(),
    customerData: attributesSchema.optional(),
    contactData: attributesSchema.optional(),
  })
  .superRefine((mapping, ctx) => {
    if (mapping.contactData !== undefined && mapping.contact === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['contactData'],
        message:
          'Contact attributes need a contact ID: add "contact" (the column that holds the contact ID) or remove "contactData".',
      });
    }
  });
export type Mapping = z.infer<typeof mappingSchema>;

/** The outcome of reading a mapping file; `errors` are plain sentences for a person. */
export type MappingFileResult = { ok: true; mapping: Mapping } | { ok: false; errors: string[] };

/**
 * Reads a mapping file. Never throws: broken JSON, unknown or misspelt fields, missing parts and wrong
 * types all come back as sentences a person can act on.
 */
export function parseMappingFile(text: string): MappingFileResult {
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') return { ok: false, errors: ['The mapping file is empty.'] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [describeJsonError(json, error)] };
  }
  const result = mappingSchema.safeParse(data);
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, errors: describeMappingIssues(result.error.issues, data) };
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const match = /position (\d+)/.exec(message);
  const position = match?.[1] !== undefined ? Number(match[1]) : undefined;
  const advice = 'Check for a missing comma, quote or bracket.';
  if (position === undefined || position > text.length) {
    return `The mapping file is not valid JSON. ${advice}`;
  }
  const before = text.slice(0, position).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return `The mapping file is not valid JSON (line ${line}, column ${column}). ${advice}`;
}

/** Pretty JSON for "Save mapping", fields in a fixed order so saved files diff cleanly. */
export function serializeMapping(mapping: Mapping): string {
  const ordered = {
    version: mapping.version,
    ...(mapping.source !== undefined && {
      source: pick(mapping.source, ['encoding', 'delimiter', 'headerRow', 'sheet']),
    }),
    name: orderSource(mapping.name),
    timestamp: orderSource(mapping.timestamp),
    customer: orderSource(mapping.customer),
    ...(mapping.contact !== undefined && { contact: orderSource(mapping.contact) }),
    ...(mapping.customerData !== undefined && {
      customerData: orderAttributes(mapping.customerData),
    }),
    ...(mapping.contactData !== undefined && { contactData: orderAttributes(mapping.contactData) }),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const SOURCE_KEY_ORDER = ['column', 'value', 'type', 'decimal', 'format', 'timezone'] as const;

function orderSource(source: object): Record<string, unknown> {
  return pick(source as Record<string, unknown>, SOURCE_KEY_ORDER);
}

// Attribute names keep the user's order (it follows the columns); only the keys inside each change.
function orderAttributes(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, source]) => [name, orderSource(source)]),
  );
}

function pick<T extends object>(from: T, keys: readonly string[]): Record<string, unknown> {
  const record = from as Record<string, unknown>;
  return Object.fromEntries(
    keys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]]),
  );
}
