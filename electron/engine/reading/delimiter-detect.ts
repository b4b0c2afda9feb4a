import { DELIMITERS, type Delimiter } from '../../../shared/delimiters';
import { createRecordParser, isBlankRecord, type LineEnding } from './reader-parser';

const LINE_ENDING_SCAN = 256 * 1024;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const FIELD_STARTERS = new Set([CR, LF, ...DELIMITERS.map((d) => d.charCodeAt(0))]);

/**
 * The line ending of a file, from its first text, counting only line breaks outside quoted values
 * (a quote opens a value only at the start of a field). CR alone (old Mac files) when there is no
 * LF at all; CRLF when every break is CRLF; otherwise LF, and the reader drops the CR that a
 * stray CRLF line leaves at the end of its last value.
 */
export function detectLineEnding(text: string): LineEnding {
  let inQuotes = false;
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  const end = Math.min(text.length, LINE_ENDING_SCAN);
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (inQuotes) {
      if (code !== QUOTE) continue;
      if (text.charCodeAt(i + 1) === QUOTE) i += 1;
      else inQuotes = false;
    } else if (code === QUOTE) {
      if (i === 0 || FIELD_STARTERS.has(text.charCodeAt(i - 1))) inQuotes = true;
    } else if (code === CR) {
      if (text.charCodeAt(i + 1) === LF) {
        crlf += 1;
        i += 1;
      } else cr += 1;
    } else if (code === LF) lf += 1;
  }
  if (cr > 0 && lf === 0 && crlf === 0) return '\r';
  if (crlf > 0 && lf === 0 && cr === 0) return '\r\n';
  return '\n';
}

const DETECTION_RECORDS = 200;

/**
 * The delimiter that splits the sample's records most consistently, each candidate parsed with
 * quotes respected: for each, the most common number of fields (at least 2) and the share of
 * records that have it; the highest share wins, then the most fields, then the order of
 * `DELIMITERS`. Records above `headerRow` and blank lines are left out. Null when no candidate
 * splits the records (a one-column file).
 */
export function detectDelimiter(
  text: string,
  lineEnding: LineEnding,
  headerRow: number,
  complete: boolean,
): Delimiter | null {
  let best: { delimiter: Delimiter; share: number; fields: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const parse = createRecordParser(delimiter, lineEnding, headerRow - 1 + DETECTION_RECORDS);
    const records = parse(text, complete)
      .records.slice(headerRow - 1)
      .filter((record) => !isBlankRecord(record));
    const counts = new Map<number, number>();
    for (const record of records) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
    let fields = 0;
    let times = 0;
    for (const [count, seen] of counts) {
      if (seen > times || (seen === times && count > fields)) [fields, times] = [count, seen];
    }
    if (fields < 2) continue;
    const share = times / records.length;
    if (!best || share > best.share || (share === best.share && fields > best.fields)) {
      best = { delimiter, share, fields };
    }
  }
  return best?.delimiter ?? null;
}
