import { plural } from '../../../../shared/wording';
import type { SendBuilder } from './useSendBuilder';

const fieldNames = {
  name: 'the event name',
  timestamp: 'the timestamp',
  customer: 'the customer ID',
  contact: 'the contact ID',
} as const;

/** Why Send is off, in one sentence, or null when the request is ready. */
export function blockedReason(builder: SendBuilder): string | null {
  if (builder.request !== null) return null;
  if (builder.mode === 'json') {
    const problems = plural(builder.jsonIssues.length, 'problem');
    return `Send is off until the JSON is a valid request: ${problems} listed under it.`;
  }
  const places = new Set<string>();
  for (const issue of builder.formIssues) {
    const where =
      builder.content.events.length > 1 && 'event' in issue ? `event ${issue.event + 1}: ` : '';
    if (issue.kind === 'field') places.add(`${where}${fieldNames[issue.field]}`);
    else if (issue.kind === 'attribute') places.add(`${where}the ${issue.editor} attributes`);
    else if (issue.kind === 'trackerKey') places.add('the tracker key');
    else places.add(issue.message);
  }
  return `Send is off until the form is complete. Check ${[...places].join(', ')}.`;
}
