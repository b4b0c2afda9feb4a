// The decision half of the security scan (docs/security.md item 15): which Electronegativity
// findings fail the build. Findings of medium severity or higher fail unless the reviewed
// allow-list names them with a reason; allow-list entries that match nothing fail too, so the list
// stays true.
import { z } from 'zod';

export const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof severities)[number];

export const findingSchema = z.object({
  id: z.string(),
  /** Relative to the scanned tree, `/`-separated (`electron/main/window.ts`); `N/A` for global checks. */
  file: z.string(),
  line: z.number(),
  column: z.number(),
  severity: z.enum(severities),
  confidence: z.string(),
  description: z.string(),
  manualReview: z.boolean(),
});
export type Finding = z.infer<typeof findingSchema>;

export const allowlistEntrySchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  reason: z.string().min(30, 'say why this finding is acceptable, in a sentence'),
});
export type AllowlistEntry = z.infer<typeof allowlistEntrySchema>;

export const allowlistSchema = z.object({ entries: z.array(allowlistEntrySchema) });
export type Allowlist = z.infer<typeof allowlistSchema>;

export type ScanVerdict = {
  blocking: Finding[];
  allowed: Array<{ finding: Finding; entry: AllowlistEntry }>;
  /** Below the threshold: reported, never failing. */
  belowThreshold: Finding[];
  staleEntries: AllowlistEntry[];
};

const rank = (severity: Severity): number => severities.indexOf(severity);

/**
 * Checks whose own rating is below what docs/security.md item 4 makes of them. Electronegativity
 * rates an explicit `nodeIntegration: true` as informational (it assumes the default), experimental
 * and Blink features as low: here each of them is a regression of the window's hardening.
 */
export const raisedSeverities: Readonly<Record<string, Severity>> = Object.freeze({
  NODE_INTEGRATION_JS_CHECK: 'HIGH',
  EXPERIMENTAL_FEATURES_JS_CHECK: 'MEDIUM',
  EXPERIMENTAL_FEATURES_HTML_CHECK: 'MEDIUM',
  BLINK_FEATURES_JS_CHECK: 'MEDIUM',
  BLINK_FEATURES_HTML_CHECK: 'MEDIUM',
  ALLOWPOPUPS_HTML_CHECK: 'MEDIUM',
  SECURITY_WARNINGS_DISABLED_JS_CHECK: 'MEDIUM',
  SECURITY_WARNINGS_DISABLED_JSON_CHECK: 'MEDIUM',
});

/** The finding with the severity this project judges it by (never lower than the tool's). */
export function withProjectSeverity(finding: Finding): Finding {
  const raised = raisedSeverities[finding.id];
  return raised && rank(raised) > rank(finding.severity)
    ? { ...finding, severity: raised }
    : finding;
}

/** Sorts findings into blocking / allowed / informational and finds unused allow-list entries. */
export function judgeFindings(
  findings: readonly Finding[],
  allowlist: Allowlist,
  threshold: Severity = 'MEDIUM',
): ScanVerdict {
  const verdict: ScanVerdict = { blocking: [], allowed: [], belowThreshold: [], staleEntries: [] };
  const used = new Set<AllowlistEntry>();
  for (const finding of findings.map(withProjectSeverity)) {
    if (rank(finding.severity) < rank(threshold)) {
      verdict.belowThreshold.push(finding);
      continue;
    }
    const entry = allowlist.entries.find((e) => e.id === finding.id && e.file === finding.file);
    if (entry) {
      used.add(entry);
      verdict.allowed.push({ finding, entry });
    } else {
      verdict.blocking.push(finding);
    }
  }
  verdict.staleEntries = allowlist.entries.filter((entry) => !used.has(entry));
  return verdict;
}

/** True when the build must fail. */
export function scanFails(verdict: ScanVerdict): boolean {
  return verdict.blocking.length > 0 || verdict.staleEntries.length > 0;
}

const where = (f: Finding): string =>
  f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}:${f.column}`;

/** A plain-text report: blocking findings first, each with what to do about it. */
export function formatVerdict(verdict: ScanVerdict): string {
  const lines: string[] = [];
  for (const f of verdict.blocking) {
    lines.push(`FAIL ${f.severity} ${f.id} ${where(f)}`, `     ${f.description}`);
  }
  for (const e of verdict.staleEntries) {
    lines.push(`FAIL allow-list entry ${e.id} for ${e.file} matches no finding: remove it.`);
  }
  for (const { finding: f } of verdict.allowed) {
    lines.push(`ok   ${f.severity} ${f.id} ${where(f)} (allow-listed)`);
  }
  for (const f of verdict.belowThreshold) lines.push(`info ${f.severity} ${f.id} ${where(f)}`);
  const failed = verdict.blocking.length + verdict.staleEntries.length;
  lines.push(
    failed === 0
      ? `Security scan passed: ${verdict.allowed.length} allow-listed, ${verdict.belowThreshold.length} below threshold.`
      : `Security scan failed: ${failed} problem(s). Fix the code, or add a reviewed entry with a reason ` +
          'to scripts/security-scan-allowlist.json.',
  );
  return lines.join('\n');
}
