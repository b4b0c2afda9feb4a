import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * Ways to switch off TLS certificate checks; none may appear in code that ships (docs/security.md
 * item 11).
 */
const BYPASSES: [string, RegExp][] = [
  ['rejectUnauthorized: false', /rejectUnauthorized\s*:\s*false/],
  ['NODE_TLS_REJECT_UNAUTHORIZED', /NODE_TLS_REJECT_UNAUTHORIZED/],
  ['the ignore-certificate-errors switch', /ignore-certificate-errors/],
  ['a custom certificate verifier', /setCertificateVerifyProc/],
  ['a certificate-error override', /['"]certificate-error['"]/],
  ['insecure undici dispatcher options', /connect\s*:\s*\{[^}]*rejectUnauthorized/],
];

function shippedSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return shippedSources(full);
    const isSource = /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name);
    return isSource && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('certificate checks', () => {
  const files = ['electron', 'shared', 'renderer/src'].flatMap((dir) =>
    shippedSources(path.join(repo, dir)),
  );

  it('scans the shipped sources', () => {
    expect(files.some((file) => file.endsWith(path.join('electron', 'main', 'index.ts')))).toBe(
      true,
    );
  });

  it.each(BYPASSES)('are never switched off (%s)', (_name, pattern) => {
    const offenders = files
      .filter((file) => pattern.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repo, file));
    expect(offenders).toEqual([]);
  });
});
