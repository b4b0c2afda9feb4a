import { z } from 'zod';

// The value separators this app reads: what detection chooses from, what a mapping file may pin,
// what the import screen offers, and how messages name each one.

/** In the order detection tries them and the import screen lists them. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const delimiterSchema = z.enum(DELIMITERS);

/** What a mapping file's `source.delimiter` may say: one of them, or `auto` (detect it). */
export const delimiterChoiceSchema = z.enum(['auto', ...DELIMITERS]);
export type DelimiterChoice = z.infer<typeof delimiterChoiceSchema>;

/** How the delimiter was settled: detected in the file, the default (comma), or chosen. */
export const delimiterSourceSchema = z.enum(['detected', 'default', 'chosen']);
export type DelimiterSource = z.infer<typeof delimiterSourceSchema>;

export function isDelimiter(value: string): value is Delimiter {
  return (DELIMITERS as readonly string[]).includes(value);
}

const WORDS: Readonly<Record<Delimiter, { label: string; inSentence: string }>> = {
  ',': { label: 'Comma ( , )', inSentence: 'comma' },
  ';': { label: 'Semicolon ( ; )', inSentence: 'semicolon' },
  '\t': { label: 'Tab', inSentence: 'tab' },
  '|': { label: 'Vertical bar ( | )', inSentence: 'vertical bar (|)' },
};

/** The name on the import screen's list: "Semicolon ( ; )". */
export function delimiterLabel(delimiter: Delimiter): string {
  return WORDS[delimiter].label;
}

/** The name inside a sentence ("Check for a missing semicolon"); any other text quoted. */
export function delimiterInSentence(delimiter: string): string {
  return isDelimiter(delimiter) ? WORDS[delimiter].inSentence : JSON.stringify(delimiter);
}

/** `"auto", ",", ";", "\t" (tab) or "|"`: the choices a mapping or an option may give. */
export function delimiterChoicesText(): string {
  const quoted = delimiterChoiceSchema.options.map((choice) =>
    choice === '\t' ? `${JSON.stringify(choice)} (tab)` : JSON.stringify(choice),
  );
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1] ?? ''}`;
}
