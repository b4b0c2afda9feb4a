import { describe, expect, it } from 'vitest';
import { openExternalUrl, safeExternalUrl } from './external-links';

describe('openExternalUrl', () => {
  async function attempt(value: unknown): Promise<{ opened: boolean; urls: string[] }> {
    const urls: string[] = [];
    const opened = await openExternalUrl(value, async (url) => {
      urls.push(url);
    });
    return { opened, urls };
  }

  it.each([
    ['https://customerscore.io/docs', 'https://customerscore.io/docs'],
    ['https://CUSTOMERSCORE.io', 'https://customerscore.io/'],
    ['https://customerscore.io/a?b=1#c', 'https://customerscore.io/a?b=1#c'],
    // Look-alike hosts are the browser's business: they open, under their real name.
    ['https://customerscore.io.evil.example/', 'https://customerscore.io.evil.example/'],
    ['https://xn--customrscore-8bb.io/', 'https://xn--customrscore-8bb.io/'],
  ])('opens %s in the system browser', async (value, expected) => {
    expect(await attempt(value)).toEqual({ opened: true, urls: [expected] });
  });

  it.each([
    ['javascript', 'javascript:alert(document.cookie)'],
    ['javascript with https inside', 'javascript://https://customerscore.io/%0aalert(1)'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file://C:/Windows/System32/calc.exe'],
    ['http', 'http://customerscore.io/'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['the app scheme', 'app://app/index.html'],
    ['credentials hiding the real host', 'https://customerscore.io@evil.example/'],
    ['user and password', 'https://user:pass@customerscore.io/'],
    ['malformed', 'https://'],
    ['no scheme', 'customerscore.io'],
    ['empty', ''],
    ['too long', `https://customerscore.io/${'a'.repeat(3000)}`],
    ['a number', 42],
    ['null', null],
    ['an object', { href: 'https://customerscore.io/' }],
  ])('refuses %s', async (_name, value) => {
    expect(await attempt(value)).toEqual({ opened: false, urls: [] });
  });

  it('reports false instead of throwing when the OS cannot open the link', async () => {
    const opened = await openExternalUrl('https://customerscore.io/', async () => {
      throw new Error('no browser');
    });
    expect(opened).toBe(false);
  });

  it('passes the normalised URL, not the raw string', () => {
    expect(safeExternalUrl('https://customerscore.io/a/../b')).toBe('https://customerscore.io/b');
  });
});
