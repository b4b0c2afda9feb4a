import { z } from 'zod';

/**
 * How an attribute's value is read and sent: as text (the default), as a number, or as true/false.
 * The same three types in a mapping file (a column's cells) and in the Send event builder.
 */
export const attributeTypeSchema = z.enum(['string', 'number', 'boolean']);
export type AttributeType = z.infer<typeof attributeTypeSchema>;
