// `npm run scan`: Electronegativity over the code that ships, failing on findings of medium
// severity or higher that scripts/security-scan-allowlist.json does not name with a reason
// (docs/security.md item 15). The tool itself exits 0 whatever it finds, hence this wrapper.
// `npm run scan -- --print-hashes` also prints each finding as an allow-list entry with its code
// hash, for a reviewer who has judged it acceptable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runElectronegativity } from './electronegativity';
import { findingCodeHash } from './finding-code';
import { stageSources } from './scan-sources';
import {
  allowlistSchema,
  formatHashes,
  formatVerdict,
  judgeFindings,
  scanFails,
} from './security-scan-core';

const { values: flags } = parseArgs({ options: { 'print-hashes': { type: 'boolean' } } });

const projectRoot = path.resolve(import.meta.dirname, '..');
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
  const findings = (await runElectronegativity(stageDir, electronVersion)).map((finding) => ({
    ...finding,
    codeHash: findingCodeHash(stageDir, finding),
  }));
  if (flags['print-hashes'] === true) console.log(formatHashes(findings));
  // Read after the hashes are printed, so an entry still missing its hash does not hide them.
  const allowlist = allowlistSchema.parse(
    JSON.parse(
      fs.readFileSync(path.join(projectRoot, 'scripts/security-scan-allowlist.json'), 'utf8'),
    ),
  );
  const verdict = judgeFindings(findings, allowlist);
  console.log(formatVerdict(verdict));
  process.exitCode = scanFails(verdict) ? 1 : 0;
} finally {
  fs.rmSync(stageDir, { recursive: true, force: true });
}
