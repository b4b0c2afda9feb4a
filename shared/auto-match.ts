import type { AttributeType } from './mapping';
import { detectDecimalMark } from './decimal-detect';
import { parseBooleanCell, parseNumberCell } from './values';

// Auto-match: a first mapping proposed from a file's header names, for a person to confirm. Every
// proposal is a guess and is shown as one; nothing here is sent without being looked at.

/** The event fields a column can be matched to. */
export type MatchField = 'name' | 'timestamp' | 'customer' | 'contact';

/** Whose attribute a column is. */
export type AttributeOwner = 'customer' | 'contact';

/** A column proposed as an attribute: its key in the event and how its cells are read. */
export interface AttributeGuess {
  column: string;
  key: string;
  type: AttributeType;
}

/** What auto-match proposes: a column per field it could place, and well-known attribute columns. */
export interface AutoMatchResult {
  fields: Partial<Record<MatchField, string>>;
  customerData: AttributeGuess[];
  contactData: AttributeGuess[];
}

/**
 * A header name reduced to what matters for matching: lower case, accents and punctuation gone,
 * German sharp s spelled out. "E-Mail ", "e_mail" and "EMAIL" all become "email".
 */
export function normalizeHeaderName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

// Best first: an earlier synonym wins over a later one when two columns compete for a field.
const FIELD_SYNONYMS: Readonly<Record<MatchField, readonly string[]>> = {
  name: [
    'eventname',
    'event',
    'eventtype',
    'action',
    'activity',
    'ereignis',
    'ereignisname',
    'aktion',
    'aktivitat',
    'eventaction',
    'type',
    'name',
  ],
  timestamp: [
    'timestamp',
    'occurredat',
    'eventtime',
    'eventtimestamp',
    'eventdate',
    'datetime',
    'time',
    'date',
    'occurred',
    'happenedat',
    'createdat',
    'created',
    'zeitstempel',
    'zeitpunkt',
    'datum',
    'zeit',
    'when',
    'ts',
  ],
  customer: [
    'customerid',
    'customer',
    'customerkey',
    'customernumber',
    'customerno',
    'kunde',
    'kundenid',
    'kundennummer',
    'kundennr',
    'accountid',
    'account',
    'companyid',
    'clientid',
    'client',
    'organizationid',
    'organisationid',
    'orgid',
    'tenantid',
    'firma',
  ],
  contact: [
    'contactid',
    'contact',
    'userid',
    'user',
    'username',
    'kontakt',
    'kontaktid',
    'benutzerid',
    'benutzer',
    'nutzerid',
    'personid',
    'memberid',
    'leadid',
  ],
};

// Words that, inside a longer header, point to a field ("Customer reference" -> customer).
const FIELD_WORDS: Readonly<Record<MatchField, readonly string[]>> = {
  name: ['event', 'ereignis'],
  timestamp: ['timestamp', 'date', 'time', 'datum', 'zeit'],
  customer: ['customer', 'kunde', 'account'],
  contact: ['contact', 'kontakt', 'user'],
};

// Columns that are attributes by nature, with the key they usually get.
const CONTACT_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['email', 'email'],
  ['emailaddress', 'email'],
  ['mail', 'email'],
  ['emailadresse', 'email'],
  ['phone', 'phone'],
  ['phonenumber', 'phone'],
  ['telefon', 'phone'],
  ['firstname', 'first_name'],
  ['vorname', 'first_name'],
  ['lastname', 'last_name'],
  ['nachname', 'last_name'],
  ['fullname', 'name'],
  ['jobtitle', 'job_title'],
  ['role', 'role'],
]);

const CUSTOMER_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['plan', 'plan'],
  ['tarif', 'plan'],
  ['mrr', 'mrr'],
  ['arr', 'arr'],
  ['companyname', 'company_name'],
  ['company', 'company_name'],
  ['industry', 'industry'],
  ['branche', 'industry'],
  ['country', 'country'],
  ['land', 'country'],
  ['seats', 'seats'],
]);

const MATCH_ORDER: readonly MatchField[] = ['customer', 'contact', 'timestamp', 'name'];

/** How well a normalized header fits a field: lower is better, null is no fit. */
function fieldScore(field: MatchField, normalized: string): number | null {
  const exact = FIELD_SYNONYMS[field].indexOf(normalized);
  if (exact !== -1) return exact;
  const words = FIELD_WORDS[field];
  if (normalized.length > 0 && words.some((word) => normalized.includes(word))) return 100;
  return null;
}

/**
 * An attribute key for a column: the header in lower snake case ("Plan Name" -> "plan_name",
 * "E-Mail" -> "e_mail"), or "column_<n>" when nothing usable is left.
 */
export function attributeKeyFor(column: string, index = 0): string {
  const key = column
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return key === '' || key === '__proto__' ? `column_${index + 1}` : key;
}

/**
 * The type to read a column's cells as, from sample values: number when every non-blank sample is
 * a number (with the column's decimal mark, so `1 234,56` counts), yes/no when every one is a yes/no word (and not a number), else text. Identifiers that
 * look numeric but keep leading zeros ("00123") stay text, because reading them as numbers would
 * change them.
 */
export function guessAttributeType(values: readonly string[]): AttributeType {
  const present = values.map((value) => value.trim()).filter((value) => value !== '');
  if (present.length === 0) return 'string';
  if (present.some((value) => /^0\d/.test(value))) return 'string';
  const { mark } = detectDecimalMark(present);
  if (present.every((value) => parseNumberCell(value, mark).ok)) return 'number';
  if (present.every((value) => parseBooleanCell(value).ok)) return 'boolean';
  return 'string';
}

/**
 * Proposes a mapping from header names: each field gets the best-fitting column (by synonyms in
 * English and German, ignoring case, spaces and punctuation), each column is used once, and
 * well-known attribute columns (email, plan, …) are proposed as attributes. `samples` (rows of
 * cells) decide the attributes' types. Contact attributes are proposed only with a contact column.
 */
export function autoMatch(
  header: readonly string[],
  samples: readonly (readonly string[])[] = [],
): AutoMatchResult {
  const normalized = header.map(normalizeHeaderName);
  const used = new Set<number>();
  const fields: Partial<Record<MatchField, string>> = {};

  for (const field of MATCH_ORDER) {
    let bestIndex = -1;
    let bestScore = Infinity;
    for (let index = 0; index < normalized.length; index += 1) {
      if (used.has(index)) continue;
      const score = fieldScore(field, normalized[index] ?? '');
      if (score !== null && score < bestScore) {
        bestIndex = index;
        bestScore = score;
      }
    }
    if (bestIndex === -1) continue;
    used.add(bestIndex);
    fields[field] = header[bestIndex] ?? '';
  }

  const guess = (index: number, key: string): AttributeGuess => ({
    column: header[index] ?? '',
    key,
    type: guessAttributeType(samples.map((row) => row[index] ?? '')),
  });
  const customerData: AttributeGuess[] = [];
  const contactData: AttributeGuess[] = [];
  const keys = { customer: new Set<string>(), contact: new Set<string>() };
  normalized.forEach((name, index) => {
    if (used.has(index)) return;
    const contactKey = CONTACT_ATTRIBUTES.get(name);
    const customerKey = CUSTOMER_ATTRIBUTES.get(name);
    if (contactKey !== undefined && fields.contact !== undefined) {
      if (keys.contact.has(contactKey)) return;
      keys.contact.add(contactKey);
      contactData.push(guess(index, contactKey));
      used.add(index);
    } else if (customerKey !== undefined) {
      if (keys.customer.has(customerKey)) return;
      keys.customer.add(customerKey);
      customerData.push(guess(index, customerKey));
      used.add(index);
    }
  });
  return { fields, customerData, contactData };
}

/**
 * How alike two headers are, 0 to 1: the share of column names (normalized) they have in common.
 * Used to offer the mapping used last time with a file of the same shape.
 */
export function headerSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a.map(normalizeHeaderName).filter((name) => name !== ''));
  const right = new Set(b.map(normalizeHeaderName).filter((name) => name !== ''));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const name of left) if (right.has(name)) shared += 1;
  return shared / Math.max(left.size, right.size);
}
