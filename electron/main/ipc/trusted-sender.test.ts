import { describe, expect, it } from 'vitest';
import { createTrustedSenderCheck } from './trusted-sender';

describe('createTrustedSenderCheck', () => {
  const production = createTrustedSenderCheck({});
  const development = createTrustedSenderCheck({ devServerUrl: new URL('http://localhost:5173') });

  it.each([
    ['the app page', 'app://app/index.html', true, true],
    ['the app root', 'app://app/', true, true],
    ['the dev server', 'http://localhost:5173/', false, true],
    ['the dev server on another port', 'http://localhost:5174/', false, false],
    ['another app:// host', 'app://evil/index.html', false, false],
    ['a look-alike app:// host', 'app://app.evil.example/', false, false],
    ['credentials before the host', 'app://app@evil.example/', false, false],
    ['a remote site', 'https://evil.example/', false, false],
    ['a local file', 'file:///Users/ana/evil.html', false, false],
    ['about:blank', 'about:blank', false, false],
    ['a data URL', 'data:text/html,<script>1</script>', false, false],
    ['an empty URL', '', false, false],
  ])('%s: trusted in production %s, in development %s', (_name, url, inProduction, inDev) => {
    expect(production(url)).toBe(inProduction);
    expect(development(url)).toBe(inDev);
  });
});
