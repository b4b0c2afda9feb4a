import { describe, expect, it } from 'vitest';
import { resolveDevServerUrl } from './dev-server';

describe('resolveDevServerUrl', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:5173/', 'http://[::1]:5173'])(
    'uses the local dev server %s in an unpackaged app',
    (value) => {
      expect(resolveDevServerUrl(value, false)?.href).toBe(new URL(value).href);
    },
  );

  it('ignores the variable in a packaged app', () => {
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeNull();
  });

  it.each([
    undefined,
    '',
    'not a url',
    'https://evil.example',
    'http://localhost.evil.example:5173',
    'http://user@localhost:5173',
    'file:///tmp/index.html',
    'javascript:alert(1)',
  ])('refuses %j', (value) => {
    expect(resolveDevServerUrl(value, false)).toBeNull();
  });
});
