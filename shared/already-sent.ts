import { z } from 'zod';
import { count, plural } from './wording';

// What the duplicate guard found in a file, in one shape for the engine, the CLI and the review
// step, and its sentences, so the app and the command line say it alike.

export const alreadySentSourceSchema = z.object({
  kind: z.enum(['import', 'send']),
  /** The imported file's name; empty for the Send event screen or a source no longer known. */
  label: z.string(),
  /** ISO 8601, or empty when not known. */
  at: z.string(),
  events: z.int().min(0),
});
export type AlreadySentSource = z.infer<typeof alreadySentSourceSchema>;

export const alreadySentSchema = z.object({
  /** Events of the file the server confirmed before (skipped unless sent again). */
  sent: z.int().min(0),
  /** Events of the file sent before in a request whose answer was lost (sent again). */
  maybe: z.int().min(0),
  /** Who sent the `sent` ones, most events first (at most a few). */
  sources: z.array(alreadySentSourceSchema),
});
export type AlreadySent = z.infer<typeof alreadySentSchema>;

export const NOTHING_SENT_BEFORE: AlreadySent = { sent: 0, maybe: 0, sources: [] };

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "on 1 Dec 2026", or "" when the day is not known. */
function onDay(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? '' : `on ${dayFormat.format(time)}`;
}

function what(source: Pick<AlreadySentSource, 'kind' | 'label'>): string {
  if (source.kind === 'send') return 'from the Send event screen';
  return source.label === '' ? 'by an earlier import' : `import of ${source.label}`;
}

/** "on 1 Dec 2026, import of logins.csv". */
export function describeSource(source: Pick<AlreadySentSource, 'kind' | 'label' | 'at'>): string {
  return [onDay(source.at), what(source)].filter((part) => part !== '').join(', ');
}

/**
 * "2,340 of these events were already sent: on 1 Dec 2026, import of logins.csv." — or, from
 * several sources, how many each. Null when none were.
 */
export function describeAlreadySent(found: AlreadySent): string | null {
  if (found.sent === 0) return null;
  const head = `${count(found.sent)} of these events ${found.sent === 1 ? 'was' : 'were'} already sent`;
  const [only, ...others] = found.sources;
  if (only === undefined) return `${head}.`;
  if (others.length === 0) return `${head}: ${describeSource(only)}.`;
  const listed = found.sources.map((source) => `${count(source.events)} ${describeSource(source)}`);
  const known = found.sources.reduce((sum, source) => sum + source.events, 0);
  if (known < found.sent) listed.push(`${count(found.sent - known)} earlier`);
  return `${head}: ${listed.join('; ')}.`;
}

/** Why a row was not sent, in the rejected-rows report: "Already sent on 1 Dec 2026, import of logins.csv: not sent again." */
export function alreadySentReason(
  source: Pick<AlreadySentSource, 'kind' | 'label' | 'at'>,
): string {
  return `Already sent ${describeSource(source)}: not sent again.`;
}

/** The events only maybe sent before, which are sent again; null when there are none. */
export function describeMaybeSent(found: AlreadySent): string | null {
  if (found.maybe === 0) return null;
  return `${plural(found.maybe, 'event')} ${found.maybe === 1 ? 'was' : 'were'} sent before in a request whose answer never came: ${found.maybe === 1 ? 'it is' : 'they are'} sent again, and may arrive twice.`;
}
