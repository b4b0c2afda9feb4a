import { describeStatus } from '../../../../shared/api';
import type { SendHistoryEntry } from '../../../../shared/send-history';

/** `text` formatted when it is JSON, else as it is. */
export function prettyBody(text: string): string {
  if (text.trim() === '') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** "200 OK" (the server's own reason phrase when it sent one). */
export function statusLine(status: number, statusText: string): string {
  return statusText.trim() === '' ? String(status) : `${status} ${statusText}`;
}

/** One line for screen readers and the status area, e.g. "Sent: 200 Accepted, in 34 ms." */
export function outcomeSentence(entry: SendHistoryEntry): string {
  if (entry.result.kind === 'network_error') return `No answer after ${entry.durationMs} ms.`;
  return `Answer: ${entry.result.status} – ${describeStatus(entry.result.status).title}, in ${entry.durationMs} ms.`;
}

/** Bytes of `text` in UTF-8, for "sent as 245 bytes". */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
