import { describe, expect, it } from 'vitest';
import { checkHostAccess, createHostToken } from './host-access';

const origin = 'http://127.0.0.1:5174';
const token = createHostToken();
const host = { token, origin };

function call(url: string, requestOrigin?: string) {
  return checkHostAccess({ url, headers: requestOrigin ? { origin: requestOrigin } : {} }, host);
}

describe('checkHostAccess', () => {
  it('makes tokens of 32 random bytes in hex, different every time', () => {
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(createHostToken()).not.toBe(token);
  });

  it('lets the host page in with its token', () => {
    expect(call(`/__host/ws?token=${token}`, origin)).toBe('ok');
  });

  it.each([
    ['no token', '/__host/ws'],
    ['an empty token', '/__host/ws?token='],
    ['a wrong token of the right length', `/__host/ws?token=${'0'.repeat(64)}`],
    ['a prefix of the token', `/__host/ws?token=${token.slice(0, 32)}`],
    ['the token with more after it', `/__host/ws?token=${token}0`],
  ])('refuses %s', (_name, url) => {
    expect(call(url, origin)).toBe('bad_token');
  });

  it.each([
    ['no Origin header', undefined],
    ['another site', 'https://evil.example'],
    ['localhost instead of 127.0.0.1', 'http://localhost:5174'],
    ['another port', 'http://127.0.0.1:5175'],
    ['an opaque origin', 'null'],
  ])('refuses the right token from %s', (_name, requestOrigin) => {
    expect(call(`/__host/ws?token=${token}`, requestOrigin)).toBe('bad_origin');
  });
});
