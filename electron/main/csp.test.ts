import { describe, expect, it } from 'vitest';
import { devCsp, PRODUCTION_CSP } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('PRODUCTION_CSP', () => {
  it('is exactly the policy of docs/security.md item 6', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline code, eval or remote origin anywhere', () => {
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-|https?:|wss?:|\*/);
  });
});

describe('devCsp', () => {
  const policy = directives(devCsp('http://localhost:5173'));

  it('lets the page reach the dev server over http and its hot-reload WebSocket', () => {
    expect(policy.get('connect-src')).toEqual(
      expect.arrayContaining(['http://localhost:5173', 'ws://localhost:5173']),
    );
  });

  it('allows the inline styles and the React Refresh preamble Vite injects', () => {
    expect(policy.get('style-src')).toContain("'unsafe-inline'");
    expect(policy.get('script-src')).toContain("'unsafe-inline'");
  });

  it('still forbids eval, plugins, frames and form posts', () => {
    expect(devCsp('http://localhost:5173')).not.toContain('unsafe-eval');
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('uses wss for an https dev server', () => {
    expect(directives(devCsp('https://127.0.0.1:5174/')).get('connect-src')).toContain(
      'wss://127.0.0.1:5174',
    );
  });
});
