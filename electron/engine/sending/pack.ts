import { MAX_BODY_BYTES, MAX_EVENTS_PER_REQUEST } from '../../../shared/api';
import type { TrackEvent } from '../../../shared/api';
import type { RowIssue } from '../../../shared/issues';
import { plural } from '../../../shared/wording';

/**
 * One request's worth of events, ready to send. `body` is the exact bytes that go on the wire;
 * `eventBytes` keeps each event's own JSON so that a batch refused with 400 can be split into
 * halves without serializing the events again (and so that the halves' bytes are deterministic).
 */
export interface PackedBatch {
  trackerKey: string;
  /** Spreadsheet row number of each event, in the order of `eventBytes`. */
  rows: readonly number[];
  eventBytes: readonly Uint8Array[];
  eventCount: number;
  body: Uint8Array;
  /** `body.byteLength`. */
  bytes: number;
}

export interface PackerOptions {
  trackerKey: string;
  maxEvents?: number;
  maxBytes?: number;
}

/** What `add` produced: batches that became full, and the row's issue if its event cannot fit any request. */
export interface PackResult {
  batches: PackedBatch[];
  issue: RowIssue | null;
}

export interface Packer {
  /** Adds one valid event; returns the batches that are now complete (zero, one or two). */
  add(row: number, event: TrackEvent): PackResult;
  /** Returns the last, partly filled batch (if any) and empties the packer. */
  flush(): PackedBatch | null;
}

const encoder = new TextEncoder();
const COMMA = 0x2c;
const SUFFIX = encoder.encode(']}');

function prefixFor(trackerKey: string): Uint8Array {
  return encoder.encode(`{"trackerKey":${JSON.stringify(trackerKey)},"events":[`);
}

/**
 * The UTF-8 bytes of one event's JSON. `JSON.stringify` escapes lone surrogates (well-formed
 * stringify), so the encoder never substitutes U+FFFD and the bytes are an exact image of the text.
 */
export function encodeEvent(event: TrackEvent): Uint8Array {
  return encoder.encode(JSON.stringify(event));
}

/** The body size of a request carrying events of these sizes, without building it. */
export function bodySize(prefixBytes: number, eventSizes: number, eventCount: number): number {
  return prefixBytes + eventSizes + Math.max(0, eventCount - 1) + SUFFIX.byteLength;
}

/**
 * Builds a batch from already-encoded events. Pure concatenation, so the same events in the same
 * order always give identical bytes: a resend after a crash sends exactly what was sent before.
 */
export function assembleBatch(
  trackerKey: string,
  rows: readonly number[],
  eventBytes: readonly Uint8Array[],
): PackedBatch {
  if (rows.length !== eventBytes.length) throw new Error('Each event needs its row number.');
  const prefix = prefixFor(trackerKey);
  const total = bodySize(
    prefix.byteLength,
    eventBytes.reduce((sum, bytes) => sum + bytes.byteLength, 0),
    eventBytes.length,
  );
  const body = new Uint8Array(total);
  body.set(prefix, 0);
  let at = prefix.byteLength;
  eventBytes.forEach((bytes, index) => {
    if (index > 0) body[at++] = COMMA;
    body.set(bytes, at);
    at += bytes.byteLength;
  });
  body.set(SUFFIX, at);
  return {
    trackerKey,
    rows: [...rows],
    eventBytes: [...eventBytes],
    eventCount: eventBytes.length,
    body,
    bytes: total,
  };
}

/** The events from index `start` up to (not including) `end`, as a batch of their own. */
export function sliceBatch(batch: PackedBatch, start: number, end: number): PackedBatch {
  return assembleBatch(
    batch.trackerKey,
    batch.rows.slice(start, end),
    batch.eventBytes.slice(start, end),
  );
}

/** Only the events of `rows` (kept in the batch's order), e.g. those still unconfirmed after a pause. */
export function selectRows(batch: PackedBatch, rows: Iterable<number>): PackedBatch {
  const wanted = new Set(rows);
  const keep = batch.rows.flatMap((row, index) => (wanted.has(row) ? [index] : []));
  return assembleBatch(
    batch.trackerKey,
    keep.map((index) => batch.rows[index] as number),
    keep.map((index) => batch.eventBytes[index] as Uint8Array),
  );
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB (${plural(bytes, 'byte')})`;
}

/**
 * The row's problem when its event alone makes a body larger than a request may carry (the
 * same words for `validate` and for sending); null when it fits. `eventBytes` is the size of the
 * event's JSON (`encodeEvent`).
 */
export function eventTooLargeIssue(
  row: number,
  eventBytes: number,
  trackerKey: string,
  maxBytes: number = MAX_BODY_BYTES,
): RowIssue | null {
  const alone = bodySize(prefixFor(trackerKey).byteLength, eventBytes, 1);
  if (alone <= maxBytes) return null;
  return {
    row,
    column: null,
    kind: 'event_too_large',
    severity: 'error',
    message: `This row makes an event of ${formatBytes(alone)} once sent, more than the ${formatBytes(maxBytes)} a request may carry. Shorten its values.`,
  };
}

/**
 * Packs events into requests of at most `maxEvents` events and `maxBytes` of body, in the order they
 * arrive. A batch is handed out as soon as it holds `maxEvents` events, or when the next event would
 * push it past `maxBytes`. Memory is bounded by one batch.
 */
export function createPacker(options: PackerOptions): Packer {
  const maxEvents = options.maxEvents ?? MAX_EVENTS_PER_REQUEST;
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  if (!Number.isInteger(maxEvents) || maxEvents < 1)
    throw new Error('maxEvents must be at least 1.');
  const prefixBytes = prefixFor(options.trackerKey).byteLength;
  let rows: number[] = [];
  let events: Uint8Array[] = [];
  let eventSizes = 0;

  function take(): PackedBatch | null {
    if (events.length === 0) return null;
    const batch = assembleBatch(options.trackerKey, rows, events);
    rows = [];
    events = [];
    eventSizes = 0;
    return batch;
  }

  return {
    add(row, event) {
      const bytes = encodeEvent(event);
      const issue = eventTooLargeIssue(row, bytes.byteLength, options.trackerKey, maxBytes);
      if (issue) return { batches: [], issue };
      const batches: PackedBatch[] = [];
      const grown = bodySize(prefixBytes, eventSizes + bytes.byteLength, events.length + 1);
      if (events.length > 0 && grown > maxBytes) {
        const full = take();
        if (full) batches.push(full);
      }
      rows.push(row);
      events.push(bytes);
      eventSizes += bytes.byteLength;
      if (events.length >= maxEvents) {
        const full = take();
        if (full) batches.push(full);
      }
      return { batches, issue: null };
    },
    flush: take,
  };
}
