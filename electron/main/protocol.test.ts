import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCTION_CSP } from './csp';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppPath,
} from './protocol';

const root = path.resolve('/srv/app/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-3f2a.js', 'assets/index-3f2a.js'],
    ['/assets/my%20font.woff2', 'assets/my font.woff2'],
  ])('maps %s into the renderer folder', (pathname, relative) => {
    expect(resolveAppPath(root, pathname)).toBe(path.join(root, relative));
  });

  it.each([
    ['parent segment', '/../secret.txt'],
    ['parent segment inside', '/assets/../../etc/passwd'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded dots and slash', '/%2e%2e%2fsecret.txt'],
    ['upper-case encoding', '/%2E%2E%2Fsecret.txt'],
    ['encoded slash', '/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['backslash', '/..\\secret.txt'],
    ['backslash inside', '/assets\\..\\..\\secret.txt'],
    ['absolute path', '//etc/passwd'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['drive letter encoded', '/C%3A/Windows/win.ini'],
    ['NTFS stream', '/index.html::$DATA'],
    ['encoded NUL', '/index.html%00.png'],
    ['raw NUL', '/index.html\0.png'],
    ['single dot', '/./index.html'],
    ['empty segment', '/assets//x.js'],
    ['trailing slash', '/assets/'],
    ['malformed encoding', '/%E0%A4%A.js'],
    ['relative path', 'index.html'],
    ['empty path', ''],
  ])('refuses %s (%j)', (_name, pathname) => {
    expect(resolveAppPath(root, pathname)).toBeNull();
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure scheme that fetch can load, and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['f.woff2', 'font/woff2'],
    ['blob.bin', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<!doctype html><title>Customerscore Importer</title>'],
    [path.join(root, 'assets', 'index.js'), 'console.log(1)'],
  ]);
  const read: string[] = [];
  const handler = createAppProtocolHandler({
    rootDir: root,
    readFile: async (absolutePath) => {
      read.push(absolutePath);
      const text = files.get(absolutePath);
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(text);
    },
  });

  it('serves index.html for app://app/ with the production CSP and nosniff', async () => {
    const response = await handler(new Request('app://app/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Customerscore Importer');
  });

  it('serves a script with its content type, over http too (browser tests)', async () => {
    const response = await handler(new Request('http://127.0.0.1:4173/assets/index.js?v=1'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 with the same security headers for a missing file', async () => {
    const response = await handler(new Request('app://app/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for a traversal attempt without touching the file system', async () => {
    read.length = 0;
    for (const url of ['app://app/..%2f..%2fetc%2fpasswd', 'app://app/%5c..%5csecret']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
    }
    expect(read).toEqual([]);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://app/index.html', { method: 'POST' }));
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://app/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
