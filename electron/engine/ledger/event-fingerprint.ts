import type { TrackEvent } from '../../../shared/api';
import { WordHasher } from './fingerprint-hash';

// An event's fingerprint is a 128-bit hash of its canonical form: what the server stores, not how
// the JSON happened to be written. Name, timestamp, customer and contact IDs, then each attribute
// group with its keys in code-unit order; a number by its value (12.50 and 12.5 are one number;
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

function attributes(
  hasher: WordHasher,
  tag: number,
  group: Readonly<Record<string, string | number | boolean>> | undefined,
): void {
  if (group === undefined) return;
  const keys = Object.keys(group);
  if (keys.length === 0) return;
  keys.sort();
  hasher.word(tag);
  hasher.word(keys.length);
  for (const key of keys) {
    hasher.text(key);
    const value = group[key];
    if (typeof value === 'string') {
      hasher.word(TAG.string);
      hasher.text(value);
    } else if (typeof value === 'number') {
      number(hasher, value);
    } else {
      hasher.word(TAG.boolean);
      hasher.word(value === true ? 1 : 0);
    }
  }
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
