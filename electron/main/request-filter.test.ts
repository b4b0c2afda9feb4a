import { describe, expect, it } from 'vitest';
import { createRequestFilter } from './request-filter';

describe('createRequestFilter', () => {
  const production = createRequestFilter({});
  const development = createRequestFilter({ devServerUrl: new URL('http://localhost:5173') });

  it.each([
    ['the app page', 'app://app/index.html', true, true],
    ['an app asset', 'app://app/assets/index.js', true, true],
    ['an inline image', 'data:image/png;base64,AAAA', true, true],
    ['the Track API', 'https://api.customerscore.io/api/tracker/track', false, false],
    ['a remote script', 'https://evil.example/x.js', false, false],
    ['plain http', 'http://evil.example/', false, false],
    ['a WebSocket', 'wss://evil.example/', false, false],
    ['a local file', 'file:///etc/passwd', false, false],
    ['the dev server', 'http://localhost:5173/src/main.tsx', false, true],
    ['the hot-reload socket', 'ws://localhost:5173/', false, true],
    ['another local port', 'http://localhost:8080/', false, false],
    ['a malformed URL', 'http://', false, false],
  ])('a page loading %s: allowed in production %s, in development %s', (_n, url, prod, dev) => {
    expect(production({ url, fromPage: true })).toBe(prod);
    expect(development({ url, fromPage: true })).toBe(dev);
  });

  it("lets the main process's own requests through (the Track API upload)", () => {
    const url = 'https://api.customerscore.io/api/tracker/track';
    expect(production({ url, fromPage: false })).toBe(true);
  });
});
