import { z } from 'zod';

/**
 * How an attribute's value is read and sent: as text (the default), as a number, or as true/false.
 * The same three types in a mapping file (a column's cells) and in the Send event builder.
 */
export const attributeTypeSchema = z.enum(['string', 'number', 'boolean']);
export type AttributeType = z.infer<typeof attributeTypeSchema>;

/**
 * How a Number attribute's cells write decimals: `point` (1,234.56) or `comma` (1 234,56, as
 * Czech, German and French exports do). Left out of a mapping, it is decided per column
 * (`shared/decimal-detect.ts`).
 */
export const decimalMarkSchema = z.enum(['point', 'comma']);
export type DecimalMark = z.infer<typeof decimalMarkSchema>;

/** Each decimal mark as a person recognises it, for choices and messages. */
export const DECIMAL_MARK_EXAMPLES: Readonly<Record<DecimalMark, string>> = {
  point: '1,234.56',
  comma: '1 234,56',
};
