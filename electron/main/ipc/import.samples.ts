import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelSamples } from './channel-samples';

// A file to open (by the handle the preload gets for it), and ids of a file and a job that are
// not (or no longer) there: the answers say so in words. No sample sends anything: the profile has
// no tracker key yet.
const sessionId = 's-0123456789abcdef';
const jobId = '20240101-000000-abcdef12';
const mapping = {
  version: 1 as const,
  name: { column: 'event' },
  timestamp: { column: 'occurred_at', format: 'iso8601' },
  customer: { column: 'customer_id' },
};

export const channelSamples: ChannelSamples = {
  'import:open': async ({ dataDir, registerFile }) => {
    const file = path.join(dataDir, 'sample.csv');
    await writeFile(file, 'event,occurred_at,customer_id\nsignup,2024-04-01T10:00:00Z,cus_1\n');
    return [
      { file: await registerFile(file) },
      { file: await registerFile(path.join(dataDir, 'missing.csv')) },
      // A handle the app never gave out.
      { file: `f-${'0'.repeat(32)}` },
    ];
  },
  'import:paste': () => [{ text: 'event\tcustomer_id\nsignup\tcus_1\n' }, { text: 'just a word' }],
  'import:configure': () => [{ sessionId, source: { headerRow: 1 } }],
  'import:validate': () => [{ sessionId, mapping }],
  'import:rows': () => [{ sessionId, view: 'all', offset: 0, limit: 10 }],
  'import:editCell': () => [{ sessionId, row: 2, column: 0, value: 'login' }],
  'import:skipRows': () => [{ sessionId, rows: [2], skip: true }],
  'import:summary': () => [{ sessionId }],
  'import:sessionReport': () => [{ sessionId }],
  'import:start': () => [{ sessionId, rows: 'all' }],
  'import:pause': () => [{ jobId }],
  'import:resume': () => [{ jobId }],
  'import:cancel': () => [{ jobId }],
  'import:live': () => [undefined],
  'import:interrupted': () => [undefined],
  'import:continue': () => [{ jobId }],
  'import:reopen': () => [{ jobId }],
  'import:dismiss': () => [{ jobId }],
  'import:jobs': () => [undefined],
  'import:jobReport': () => [{ jobId }],
  'import:close': () => [{ sessionId }],
};
