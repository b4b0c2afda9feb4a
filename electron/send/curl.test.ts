import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCurlCommand, shellQuote } from './curl';

// `sh -c 'printf %s <word>'` prints what the shell makes of a quoted word.
function shellWord(quoted: string): string {
  return execFileSync('sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
}

describe('the curl command', () => {
  it('quotes any text so the shell reads it back unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !text.includes('\0')),
        (text) => {
          expect(shellWord(shellQuote(text))).toBe(text);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('masks the key as $CUSTOMERSCORE_KEY and sends the exact body', () => {
    const body = '{"trackerKey":"CS-1","events":[{"name":"it\'s"}]}';
    const command = buildCurlCommand({
      endpoint: 'https://api.customerscore.io/api/tracker/track',
      body,
      key: null,
    });
    expect(command).toBe(
      [
        "curl -X POST 'https://api.customerscore.io/api/tracker/track'",
        "  -H 'Content-Type: application/json'",
        '  -H "customerscore-key: $CUSTOMERSCORE_KEY"',
        `  --data-raw '{"trackerKey":"CS-1","events":[{"name":"it'\\''s"}]}'`,
      ].join(' \\\n'),
    );
  });

  it('writes the key in when asked to', () => {
    const command = buildCurlCommand({ endpoint: 'https://x.test/', body: '{}', key: 'sk_123' });
    expect(command).toContain("-H 'customerscore-key: sk_123'");
  });
});
