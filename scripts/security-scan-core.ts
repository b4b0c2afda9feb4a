// The decision half of the security scan (docs/security.md item 15): which Electronegativity
// findings fail the build. Findings of medium severity or higher fail unless the reviewed
// allow-list names them with a reason: the check, the file and the hash of the finding's code
// (scripts/finding-code.ts), each entry covering one finding. Allow-list entries that match
// nothing fail too, so the list stays true.
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

/** A finding with the sha256 of its code (`findingCodeHash`), which allow-list entries name. */
export type HashedFinding = Finding & { codeHash: string };

export const allowlistEntrySchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  /** sha256 (hex) of the finding's code; `npm run scan -- --print-hashes` prints it. */
  codeHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'the sha256 of the code, as --print-hashes prints it'),
  reason: z.string().min(30, 'say why this finding is acceptable, in a sentence'),
});
export type AllowlistEntry = z.infer<typeof allowlistEntrySchema>;

export const allowlistSchema = z.object({ entries: z.array(allowlistEntrySchema) });
export type Allowlist = z.infer<typeof allowlistSchema>;

export type ScanVerdict = {
  blocking: HashedFinding[];
  allowed: Array<{ finding: HashedFinding; entry: AllowlistEntry }>;
  /** Below the threshold: reported, never failing. */
  belowThreshold: HashedFinding[];
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
export function withProjectSeverity<F extends Finding>(finding: F): F {
  const raised = raisedSeverities[finding.id];
  return raised && rank(raised) > rank(finding.severity)
    ? { ...finding, severity: raised }
    : finding;
}

/**
 * Sorts findings into blocking / allowed / informational and finds unused allow-list entries. An
 * entry allows one finding: the same code twice in a file (a copied window) needs two entries.
 */
export function judgeFindings(
  findings: readonly HashedFinding[],
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
    const entry = allowlist.entries.find(
      (e) =>
        !used.has(e) &&
        e.id === finding.id &&
        e.file === finding.file &&
        e.codeHash === finding.codeHash,
    );
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

const where = (f: HashedFinding): string =>
  f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}:${f.column}`;

/** A plain-text report: blocking findings first, each with what to do about it. */
export function formatVerdict(verdict: ScanVerdict): string {
  const lines: string[] = [];
  for (const f of verdict.blocking) {
    lines.push(
      `FAIL ${f.severity} ${f.id} ${where(f)}`,
      `     ${f.description}`,
      `     code ${f.codeHash}`,
    );
  }
  for (const e of verdict.staleEntries) {
    lines.push(
      `FAIL allow-list entry ${e.id} for ${e.file} (code ${e.codeHash.slice(0, 12)}…) matches no ` +
        'finding: remove it, or review the changed code and give the entry its new hash.',
    );
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
          'and the code hash to scripts/security-scan-allowlist.json (npm run scan -- --print-hashes).',
  );
  return lines.join('\n');
}

/**
 * `--print-hashes`: every finding the allow-list would have to name, as a ready entry for
 * scripts/security-scan-allowlist.json. The reason is left for the reviewer to write.
 */
export function formatHashes(
  findings: readonly HashedFinding[],
  threshold: Severity = 'MEDIUM',
): string {
  const entries = findings
    .map(withProjectSeverity)
    .filter((f) => rank(f.severity) >= rank(threshold))
    .map((f) => ({ id: f.id, file: f.file, codeHash: f.codeHash, reason: `TODO (${where(f)})` }));
  return JSON.stringify(entries, null, 2);
}
