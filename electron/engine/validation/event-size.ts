import type { RowCheck, RowConverter } from '../../../shared/convert';
import { MAX_BODY_BYTES } from '../../../shared/api';
import type { DataRow } from '../reading/reader';
import { encodeEvent, eventTooLargeIssue } from '../sending/pack';

// Validation builds no events (it would cost over a tenth of its time), yet an event larger than
// a request may carry can never be sent, and `validate` must say so as sending does. A row's
// event holds at most its cells' text, each UTF-16 unit written in at most 6 bytes of JSON
// (`\uXXXX`), plus the mapping's field names: only a row whose cells could come near the limit
// is converted and measured.
const MAX_JSON_BYTES_PER_UNIT = 6;
// Field names, attribute keys and the JSON around them, generously.
const EVENT_OVERHEAD_BYTES = 100_000;
// Validation knows no tracker key yet; a send's prefix is longer by the key's few characters.
const NO_TRACKER_KEY = '';

function mayBeTooLarge(cells: readonly string[]): boolean {
  let units = 0;
  for (const cell of cells) units += cell.length;
  return units * MAX_JSON_BYTES_PER_UNIT + EVENT_OVERHEAD_BYTES > MAX_BODY_BYTES;
}

/**
 * The check of a valid row with `event_too_large` added when its event alone would not fit in a
 * request (`pack.ts` refuses it the same way when sending); other checks unchanged.
 */
export function withEventSize(check: RowCheck, row: DataRow, converter: RowConverter): RowCheck {
  if (!check.valid || !mayBeTooLarge(row.cells)) return check;
  const { event } = converter.convert(row.cells, row.row, row.typed);
  if (event === null) return check;
  const issue = eventTooLargeIssue(row.row, encodeEvent(event).byteLength, NO_TRACKER_KEY);
  return issue === null ? check : { valid: false, issues: [...check.issues, issue] };
}
