import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runElectronegativity } from './electronegativity';
import { findingCode, findingCodeHash, hashCode } from './finding-code';
import { isScannedSource, stageSources } from './scan-sources';
import {
  allowlistSchema,
  formatHashes,
  formatVerdict,
  judgeFindings,
  scanFails,
} from './security-scan-core';
import type { HashedFinding } from './security-scan-core';

const projectRoot = path.resolve(import.meta.dirname, '..');

const windowCode = hashCode('new BrowserWindow({ webPreferences: secureWebPreferences(preload) })');

function finding(overrides: Partial<HashedFinding>): HashedFinding {
  return {
    codeHash: windowCode,
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/main/window.ts',
    line: 10,
    column: 2,
    severity: 'HIGH',
    confidence: 'FIRM',
    description: 'Review the use of the contextIsolation option',
    manualReview: false,
    ...overrides,
  };
}

const reason = 'Reviewed: the preferences come from a tested builder function.';

describe('judging scan findings', () => {
  it('fails on a medium or high finding that the allow-list does not name', () => {
    const verdict = judgeFindings(
      [finding({}), finding({ id: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM' })],
      {
        entries: [],
      },
    );
    expect(verdict.blocking.map((f) => f.id)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
    ]);
    expect(scanFails(verdict)).toBe(true);
    expect(formatVerdict(verdict)).toMatch(
      /FAIL HIGH CONTEXT_ISOLATION_JS_CHECK electron\/main\/window\.ts:10:2/,
    );
  });

  it('passes a finding allow-listed for that check in that file, and only there', () => {
    const allowlist = {
      entries: [
        {
          id: 'CONTEXT_ISOLATION_JS_CHECK',
          file: 'electron/main/window.ts',
          codeHash: windowCode,
          reason,
        },
      ],
    };
    const verdict = judgeFindings(
      [finding({}), finding({ file: 'electron/main/other-window.ts' })],
      allowlist,
    );
    expect(verdict.allowed).toHaveLength(1);
    expect(verdict.blocking.map((f) => f.file)).toEqual(['electron/main/other-window.ts']);
  });

  it('fails on another window in an allow-listed file: the entry names the code it allows', () => {
    const allowlist = {
      entries: [
        {
          id: 'CONTEXT_ISOLATION_JS_CHECK',
          file: 'electron/main/window.ts',
          codeHash: windowCode,
          reason,
        },
      ],
    };
    const insecure = hashCode('new BrowserWindow({ webPreferences: { contextIsolation: false } })');
    const verdict = judgeFindings(
      [finding({}), finding({ line: 80, codeHash: insecure })],
      allowlist,
    );
    expect(verdict.allowed.map(({ finding: f }) => f.line)).toEqual([10]);
    expect(verdict.blocking.map((f) => f.line)).toEqual([80]);
    expect(scanFails(verdict)).toBe(true);
    expect(formatVerdict(verdict)).toContain(`code ${insecure}`);
  });

  it('lets one entry allow one finding, so a copied window needs its own review', () => {
    const allowlist = {
      entries: [
        {
          id: 'CONTEXT_ISOLATION_JS_CHECK',
          file: 'electron/main/window.ts',
          codeHash: windowCode,
          reason,
        },
      ],
    };
    const verdict = judgeFindings([finding({}), finding({ line: 80 })], allowlist);
    expect(verdict.blocking.map((f) => f.line)).toEqual([80]);
  });

  it('prints each finding to allow as an entry with its hash, for the reviewer to give a reason', () => {
    const printed: unknown = JSON.parse(
      formatHashes([finding({}), finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW' })]),
    );
    expect(printed).toEqual([
      {
        id: 'CONTEXT_ISOLATION_JS_CHECK',
        file: 'electron/main/window.ts',
        codeHash: windowCode,
        reason: 'TODO (electron/main/window.ts:10:2)',
      },
    ]);
  });

  it('reports low and informational findings without failing', () => {
    const verdict = judgeFindings([finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW' })], {
      entries: [],
    });
    expect(scanFails(verdict)).toBe(false);
    expect(verdict.belowThreshold).toHaveLength(1);
  });

  it('fails on an explicit nodeIntegration or experimental features, which the tool rates low', () => {
    const verdict = judgeFindings(
      [
        finding({ id: 'NODE_INTEGRATION_JS_CHECK', severity: 'INFORMATIONAL' }),
        finding({ id: 'EXPERIMENTAL_FEATURES_JS_CHECK', severity: 'LOW' }),
      ],
      { entries: [] },
    );
    expect(verdict.blocking.map((f) => [f.id, f.severity])).toEqual([
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH'],
      ['EXPERIMENTAL_FEATURES_JS_CHECK', 'MEDIUM'],
    ]);
  });

  it('fails on an allow-list entry that no longer matches anything, so the list stays true', () => {
    const allowlist = {
      entries: [
        { id: 'SANDBOX_JS_CHECK', file: 'electron/main/gone.ts', codeHash: windowCode, reason },
      ],
    };
    const verdict = judgeFindings([], allowlist);
    expect(scanFails(verdict)).toBe(true);
    expect(formatVerdict(verdict)).toMatch(
      /SANDBOX_JS_CHECK for electron\/main\/gone\.ts \(code [0-9a-f]{12}…\) matches no finding/,
    );
  });

  it('accepts only allow-list entries that give a reason', () => {
    expect(
      allowlistSchema.safeParse({
        entries: [{ id: 'X', file: 'y.ts', codeHash: windowCode, reason: 'ok' }],
      }).success,
    ).toBe(false);
    expect(
      allowlistSchema.safeParse({ entries: [{ id: 'X', file: 'y.ts', reason }] }).success,
    ).toBe(false);
    const committed: unknown = JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'scripts/security-scan-allowlist.json'), 'utf8'),
    );
    expect(allowlistSchema.safeParse(committed).success).toBe(true);
  });
});

describe("the code a finding's hash covers", () => {
  const window = [
    "import { BrowserWindow } from 'electron';",
    'export function open(preload: string): BrowserWindow {',
    '  const window = new BrowserWindow({',
    '    show: false,',
    '    webPreferences: secureWebPreferences(preload),',
    '  });',
    '  return window;',
    '}',
  ].join('\n');

  it('is the whole expression at the finding, options included, whitespace collapsed', () => {
    expect(findingCode(window, 'window.ts', 3, 17)).toBe(
      'new BrowserWindow({ show: false, webPreferences: secureWebPreferences(preload), })',
    );
  });

  it('stays the same when lines above it change, and changes with the options', () => {
    const moved = `// a comment\n\nconst unrelated = 1;\n${window}`;
    expect(findingCode(moved, 'window.ts', 6, 17)).toBe(findingCode(window, 'window.ts', 3, 17));
    const edited = window.replace('show: false', 'show: false, sandbox: false');
    expect(findingCode(edited, 'window.ts', 3, 17)).not.toBe(
      findingCode(window, 'window.ts', 3, 17),
    );
  });

  it('is the trimmed line in HTML', () => {
    expect(findingCode('<html>\n  <webview  src="x"></webview>\n', 'index.html', 2, 2)).toBe(
      '<webview src="x"></webview>',
    );
  });
});

describe('every window', () => {
  it('is built with the shared secure web preferences (electron/main/web-preferences.ts)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-windows-'));
    try {
      const constructions: string[] = [];
      for (const file of stageSources(projectRoot, dir)) {
        if (!/\.[jt]sx?$/.test(file)) continue;
        const source = fs.readFileSync(path.join(dir, file), 'utf8');
        for (const match of source.matchAll(/new\s+BrowserWindow\s*\(/g)) {
          const line = source.slice(0, match.index).split('\n').length;
          const column = match.index - source.lastIndexOf('\n', match.index) - 1;
          constructions.push(`${file}: ${findingCode(source, file, line, column)}`);
        }
      }
      expect(constructions.length).toBeGreaterThan(0);
      for (const construction of constructions) {
        // The call itself as the value: spread into an object, its fields could be overridden.
        expect(construction).toMatch(/webPreferences: secureWebPreferences\(/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what the scan reads', () => {
  it.each([
    ['electron/main/window.ts', true],
    ['electron/preload/index.ts', true],
    ['renderer/index.html', true],
    ['renderer/src/App.tsx', true],
    ['electron/main/window.test.ts', false],
    ['electron/main/ipc/fake-ipc-main.ts', false],
    ['electron/engine/testing/fake-clock.ts', false],
    ['electron/dev/browser-host.ts', false],
    ['scripts/testing/fixture-project.ts', false],
    ['renderer/vite.config.ts', false],
    ['renderer/src/styles/app.css', false],
    ['e2e/emulator/emulator.ts', false],
    ['shared/api.ts', false],
  ])('%s: %s', (file, scanned) => {
    expect(isScannedSource(file)).toBe(scanned);
  });
});

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve('@doyensec/electronegativity');
    return true;
  } catch {
    return false;
  }
})();

if (!installed)
  console.warn('Electronegativity tests: skipped: @doyensec/electronegativity is not installed');

describe.skipIf(!installed)('Electronegativity, run on planted files', () => {
  it('catches an insecure window, so a clean scan means something', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-plant-'));
    try {
      fs.mkdirSync(path.join(dir, 'electron/main'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'electron/main/window.ts'),
        [
          "import { BrowserWindow } from 'electron';",
          'export function open(): BrowserWindow {',
          '  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });',
          '}',
        ].join('\n'),
      );
      fs.writeFileSync(path.join(dir, 'package.json'), '{"devDependencies":{"electron":"45.5.0"}}');
      const findings = await runElectronegativity(dir, '45.5.0');
      const verdict = judgeFindings(
        findings.map((f) => ({ ...f, codeHash: findingCodeHash(dir, f) })),
        { entries: [] },
      );
      const blocking = verdict.blocking.map((f) => `${f.id} ${f.file}`);
      expect(blocking).toEqual(
        expect.arrayContaining([
          'NODE_INTEGRATION_JS_CHECK electron/main/window.ts',
          'CONTEXT_ISOLATION_JS_CHECK electron/main/window.ts',
          'WEB_SECURITY_JS_CHECK electron/main/window.ts',
          'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A',
        ]),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  const committedAllowlist = (): ReturnType<typeof allowlistSchema.parse> =>
    allowlistSchema.parse(
      JSON.parse(
        fs.readFileSync(path.join(projectRoot, 'scripts/security-scan-allowlist.json'), 'utf8'),
      ),
    );

  /** `npm run scan` over the staged sources, after `edit` had its way with the staged copy. */
  async function scanStaged(
    edit: (stageDir: string) => void,
  ): Promise<ReturnType<typeof judgeFindings>> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-stage-'));
    try {
      stageSources(projectRoot, dir);
      edit(dir);
      const findings = await runElectronegativity(dir, '45.5.0');
      return judgeFindings(
        findings.map((f) => ({ ...f, codeHash: findingCodeHash(dir, f) })),
        committedAllowlist(),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('passes the shipped sources with the committed allow-list, every entry used', async () => {
    const verdict = await scanStaged(() => undefined);
    expect(formatVerdict(verdict)).toMatch(/Security scan passed/);
    expect(verdict.allowed).toHaveLength(committedAllowlist().entries.length);
  }, 60_000);

  it('fails on a second insecure window added to an allow-listed file', async () => {
    const verdict = await scanStaged((dir) => {
      const file = path.join(dir, 'electron/main/window.ts');
      fs.appendFileSync(
        file,
        [
          '',
          'export function openHelp(): BrowserWindow {',
          '  return new BrowserWindow({ webPreferences: { nodeIntegration: true } });',
          '}',
          '',
        ].join('\n'),
      );
    });
    expect(scanFails(verdict)).toBe(true);
    const windowFindings = verdict.blocking
      .filter((f) => f.file === 'electron/main/window.ts')
      .map((f) => f.id);
    // The checks the first window's entries allow fail for the second one too, not just the
    // nodeIntegration check that no entry names.
    expect(windowFindings).toEqual(
      expect.arrayContaining([
        'NODE_INTEGRATION_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
      ]),
    );
    expect(verdict.staleEntries).toEqual([]);
  }, 60_000);
});
