import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findE2eBrowser } from '../e2e/support/e2e-browser';
import { BROWSER_ROOT_ENV } from '../e2e/support/find-browser';

const projectRoot = path.resolve(import.meta.dirname, '..');
const script = path.join(projectRoot, 'scripts/check-browser.ts');
// A machine without browsers: the system places looked up under an empty folder, and Playwright's
// own Chromium looked for in an empty browsers folder (PLAYWRIGHT_BROWSERS_PATH, Playwright's own).
const empty = mkdtempSync(path.join(tmpdir(), 'check-browser-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  shell = false,
): Promise<Finished> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'CHROMIUM_PATH',
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env: { ...inherited, ...env }, shell });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const checkBrowser = (env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', script], env);
const noBrowserHere = { [BROWSER_ROOT_ENV]: empty, PLAYWRIGHT_BROWSERS_PATH: empty };
const machineBrowser = findE2eBrowser();

describe.concurrent('the browser check before the end-to-end tests', () => {
  it('stops `npm run test:e2e` before the renderer build when CHROMIUM_PATH names nothing', async () => {
    const nowhere = path.join(empty, 'no-such-chrome');
    // On Windows npm is npm.cmd, which Node starts only through a shell.
    const result = await run(
      'npm',
      ['run', 'test:e2e'],
      { ...noBrowserHere, CHROMIUM_PATH: nowhere },
      process.platform === 'win32',
    );
    expect(result.stderr).toBe(
      `CHROMIUM_PATH is set to ${nowhere}, but no executable file is there: point it at a Chrome or Chromium executable, or unset it to let the end-to-end tests find a browser themselves.\n`,
    );
    expect(result.code).not.toBe(0);
    // Only npm's own banner of test:e2e: no renderer build (its banner runs `vite build`), no Playwright.
    expect(result.stdout.match(/^> customerscore-importer@\S+ \S+$/gm)).toEqual([
      expect.stringMatching(/ test:e2e$/),
    ]);
    expect(result.stdout).not.toContain('vite build');
  });

  it('says what to install, in one sentence, when no browser is anywhere', async () => {
    const result = await checkBrowser(noBrowserHere);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^No browser for the end-to-end tests was found: install one with `npx playwright install chromium`, or .+, or set CHROMIUM_PATH to a Chrome or Chromium executable( \(.+\))?\.\n$/,
    );
    expect(result.code).toBe(1);
  });

  it.skipIf(!machineBrowser.found)('passes quietly with the browser of this machine', async () => {
    const result = await checkBrowser({});
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
