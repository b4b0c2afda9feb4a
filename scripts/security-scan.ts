// `npm run scan`: Electronegativity over the code that ships, failing on findings of medium
// severity or higher that scripts/security-scan-allowlist.json does not name with a reason
// (docs/security.md item 15). The tool itself exits 0 whatever it finds, hence this wrapper.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runElectronegativity } from './electronegativity';
import { stageSources } from './scan-sources';
import { allowlistSchema, formatVerdict, judgeFindings, scanFails } from './security-scan-core';

const projectRoot = path.resolve(import.meta.dirname, '..');
const allowlist = allowlistSchema.parse(
  JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'scripts/security-scan-allowlist.json'), 'utf8'),
  ),
);
const electronVersion = (
  JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'node_modules/electron/package.json'), 'utf8'),
  ) as {
    version: string;
  }
).version;

const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'customerscore-scan-'));
try {
  const files = stageSources(projectRoot, stageDir);
  console.log(
    `Electronegativity: scanning ${files.length} files of electron/ and renderer/ (Electron ${electronVersion}).`,
  );
  const verdict = judgeFindings(await runElectronegativity(stageDir, electronVersion), allowlist);
  console.log(formatVerdict(verdict));
  process.exitCode = scanFails(verdict) ? 1 : 0;
} finally {
  fs.rmSync(stageDir, { recursive: true, force: true });
}
