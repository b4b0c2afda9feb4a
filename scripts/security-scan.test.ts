import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runElectronegativity } from './electronegativity';
import { isScannedSource } from './scan-sources';
import { allowlistSchema, formatVerdict, judgeFindings, scanFails } from './security-scan-core';
import type { Finding } from './security-scan-core';

const projectRoot = path.resolve(import.meta.dirname, '..');

function finding(overrides: Partial<Finding>): Finding {
  return {
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
      entries: [{ id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/window.ts', reason }],
    };
    const verdict = judgeFindings(
      [finding({}), finding({ file: 'electron/main/other-window.ts' })],
      allowlist,
    );
    expect(verdict.allowed).toHaveLength(1);
    expect(verdict.blocking.map((f) => f.file)).toEqual(['electron/main/other-window.ts']);
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
      entries: [{ id: 'SANDBOX_JS_CHECK', file: 'electron/main/gone.ts', reason }],
    };
    const verdict = judgeFindings([], allowlist);
    expect(scanFails(verdict)).toBe(true);
    expect(formatVerdict(verdict)).toMatch(
      /SANDBOX_JS_CHECK for electron\/main\/gone\.ts matches no finding/,
    );
  });

  it('accepts only allow-list entries that give a reason', () => {
    expect(
      allowlistSchema.safeParse({ entries: [{ id: 'X', file: 'y.ts', reason: 'ok' }] }).success,
    ).toBe(false);
    const committed: unknown = JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'scripts/security-scan-allowlist.json'), 'utf8'),
    );
    expect(allowlistSchema.safeParse(committed).success).toBe(true);
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
      const verdict = judgeFindings(await runElectronegativity(dir, '45.5.0'), { entries: [] });
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
});
