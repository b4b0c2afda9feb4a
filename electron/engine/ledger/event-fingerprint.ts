import type { TrackEvent } from '../../../shared/api';
import { WordHasher } from './fingerprint-hash';

// An event's fingerprint is a 128-bit hash of its canonical form: what the server stores, not how
// the JSON happened to be written. Name, timestamp, customer and contact IDs, then each attribute
// group as a sum of its entries' hashes (so key order does not count); a number by its value (12.50 and 12.5 are one number;
// -0 is 0), told apart from the same digits as text; an empty attribute group is the same as
// none. The tracker key and endpoint are not in it: each destination keeps its own ledger.

/** Words per fingerprint (128 bits). */
export const FINGERPRINT_WORDS = 4;

const TAG = {
  name: 1,
  timestamp: 2,
  customer: 3,
  contact: 4,
  customerData: 5,
  contactData: 6,
  string: 7,
  number: 8,
  boolean: 9,
  end: 10,
} as const;

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

function number(hasher: WordHasher, value: number): void {
  float[0] = value === 0 ? 0 : value;
  hasher.word(TAG.number);
  hasher.word(floatWords[0] ?? 0);
  hasher.word(floatWords[1] ?? 0);
}

const entryHasher = new WordHasher();
const entryDigest = new Uint32Array(4);
const groupSum = new Uint32Array(4);

/**
 * An attribute group, whatever the order of its keys: each entry (key and value) is hashed on its
 * own and the entries' digests are added lane by lane, which no order changes. No key list is
 * built or sorted, which a million rows would pay for in garbage.
 */
function attributes(
  hasher: WordHasher,
  tag: number,
  group: Readonly<Record<string, string | number | boolean>> | undefined,
): void {
  if (group === undefined) return;
  let entries = 0;
  groupSum.fill(0);
  for (const key in group) {
    const value = group[key];
    entryHasher.text(key);
    if (typeof value === 'string') {
      entryHasher.word(TAG.string);
      entryHasher.text(value);
    } else if (typeof value === 'number') {
      number(entryHasher, value);
    } else {
      entryHasher.word(TAG.boolean);
      entryHasher.word(value === true ? 1 : 0);
    }
    entryHasher.digestInto(entryDigest, 0);
    for (let lane = 0; lane < 4; lane++) {
      groupSum[lane] = ((groupSum[lane] ?? 0) + (entryDigest[lane] ?? 0)) >>> 0;
    }
    entries += 1;
  }
  if (entries === 0) return;
  hasher.word(tag);
  hasher.word(entries);
  for (let lane = 0; lane < 4; lane++) hasher.word(groupSum[lane] ?? 0);
}

const shared = new WordHasher();

/** Writes the event's fingerprint as four words into `out` at `at`. */
export function fingerprintEvent(event: TrackEvent, out: Uint32Array, at: number): void {
  const hasher = shared;
  hasher.word(TAG.name);
  hasher.text(event.name);
  hasher.word(TAG.timestamp);
  number(hasher, event.timestamp);
  hasher.word(TAG.customer);
  hasher.text(event.identification.customer);
  if (event.identification.contact !== undefined) {
    hasher.word(TAG.contact);
    hasher.text(event.identification.contact);
  }
  attributes(hasher, TAG.customerData, event.data?.customer);
  attributes(hasher, TAG.contactData, event.data?.contact);
  hasher.word(TAG.end);
  hasher.digestInto(out, at);
}

/** The fingerprint of one event, as four words (tests and single sends). */
export function eventFingerprint(event: TrackEvent): Uint32Array {
  const out = new Uint32Array(FINGERPRINT_WORDS);
  fingerprintEvent(event, out, 0);
  return out;
}
