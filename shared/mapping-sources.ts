import { z } from 'zod';
import {
  attributeTypeSchema,
  decimalMarkSchema,
  type AttributeType,
  type DecimalMark,
} from './attribute-type';
import { refusingProtoKey } from './safe-record';
import { SOURCE_WITHOUT_ORIGIN } from './mapping-messages';
import { closestMatches, quoteList } from './suggest';
import { describePatternError, isValidTimeZone } from './timestamps';

// Where each part of an event comes from, in a mapping file: a column of the file or a fixed value.
// Every object is strict, so a typo in a hand-edited file is reported instead of silently ignored.

/** The keywords `timestamp.format` understands; any other text is a Unicode date pattern. */
export const TIMESTAMP_FORMAT_KEYWORDS = [
  'auto',
  'iso8601',
  'unix_ms',
  'unix_s',
  'excel_serial',
] as const;

const columnSchema = z.string().min(1);
const identifierValueSchema = z.string().regex(/\S/, 'The fixed value is blank.');

const timeZoneSchema = z.string().superRefine((zone, ctx) => {
  if (!isValidTimeZone(zone)) {
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(zone)} is not a time zone this computer knows: use an IANA name such as "Europe/Berlin" or "America/New_York".`,
    });
  }
});

const formatChoices = `${quoteList(TIMESTAMP_FORMAT_KEYWORDS)} or a date pattern such as "dd.MM.yyyy HH:mm"`;

const timestampFormatSchema = z.string().superRefine((format, ctx) => {
  const name = format.trim();
  const keywords: readonly string[] = TIMESTAMP_FORMAT_KEYWORDS;
  if (name === '') {
    ctx.addIssue({
      code: 'custom',
      message: `The timestamp format is empty: use ${formatChoices}.`,
    });
    return;
  }
  // Keywords are matched as the timestamps module matches them: case and spaces ignored.
  if (keywords.includes(name.toLowerCase())) return;
  const problem = describePatternError(name);
  if (problem === null) return;
  // A bare word is almost always a misspelt keyword rather than a date pattern.
  const [guess] = /^[a-z0-9_-]+$/i.test(name) ? closestMatches(name, keywords, 1) : [];
  ctx.addIssue({
    code: 'custom',
    message:
      guess !== undefined
        ? `${JSON.stringify(format)} is not a timestamp format. Did you mean ${JSON.stringify(guess)}?`
        : problem,
  });
});

function checkOneOrigin(
  source: { column?: string | undefined; value?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (source.column !== undefined && source.value !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'Use either "column" or "value", not both.' });
  } else if (source.column === undefined && source.value === undefined) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Say where the value comes from: { "column": "<header>" } reads a column, { "value": ... } gives a fixed value.',
      params: { rule: SOURCE_WITHOUT_ORIGIN },
    });
  }
}

/** Where an event name, customer ID or contact ID comes from. */
export const identifierSourceSchema = z
  .strictObject({ column: columnSchema.optional(), value: identifierValueSchema.optional() })
  .superRefine(checkOneOrigin)
  .transform(({ column, value }): IdentifierSource =>
    column !== undefined ? { column } : { value: value ?? '' },
  );
export type IdentifierSource = { column: string } | { value: string };

/**
 * Where the timestamp comes from. A fixed numeric `value` is Unix milliseconds unless `format`
 * says otherwise; `timezone` applies to values without an offset.
 */
export const timestampSourceSchema = z
  .strictObject({
    column: columnSchema.optional(),
    value: z.union([z.number(), identifierValueSchema]).optional(),
    format: timestampFormatSchema.optional(),
    timezone: timeZoneSchema.optional(),
  })
  .superRefine(checkOneOrigin)
  .transform(({ column, value, format, timezone }): TimestampSource => ({
    ...(column !== undefined ? { column } : { value: value ?? '' }),
    ...stripUndefined({ format, timezone }),
  }));
export type TimestampSource = ({ column: string } | { value: number | string }) & {
  format?: string;
  timezone?: string;
};

/**
 * Where one attribute comes from. A column is read as `type` (text when left out), a number column
 * with its `decimal` mark (decided from the column when left out); a fixed `value` is sent as
 * written, and if `type` is given the value must be of that type.
 */
export const attributeSourceSchema = z
  .strictObject({
    column: columnSchema.optional(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    type: attributeTypeSchema.optional(),
    decimal: decimalMarkSchema.optional(),
  })
  .superRefine((source, ctx) => {
    checkOneOrigin(source, ctx);
    const { value, type, decimal } = source;
    if (decimal !== undefined && (type !== 'number' || value !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['decimal'],
        message:
          '"decimal" is the decimal mark of a number column: it needs "column" and "type": "number".',
      });
    }
    if (value !== undefined && type !== undefined && typeof value !== type) {
      ctx.addIssue({
        code: 'custom',
        message: `The fixed value ${JSON.stringify(value)} is not of type ${JSON.stringify(type)}.`,
      });
    }
  })
  .transform(({ column, value, type, decimal }): AttributeSource => ({
    ...(column !== undefined ? { column } : { value: value ?? '' }),
    ...stripUndefined({ type, decimal }),
  }));
export type AttributeSource = ({ column: string } | { value: string | number | boolean }) & {
  type?: AttributeType;
  decimal?: DecimalMark;
};

/** Attribute name → source ("__proto__" refused, see `refusingProtoKey`). */
export const attributesSchema = refusingProtoKey(
  z.record(z.string().min(1, 'An attribute name is empty.'), attributeSourceSchema),
);
export type Attributes = z.infer<typeof attributesSchema>;

/** A copy of `value` without its undefined entries, so parsed objects hold only what was written. */
export function stripUndefined<T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
