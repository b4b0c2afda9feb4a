// Runs Electronegativity (Doyensec's scanner of Electron misconfigurations) through its
// programmatic API and returns its findings in our shape. The package is CommonJS without types,
// so its result is parsed with zod rather than trusted.
import { Module, createRequire } from 'node:module';
import { z } from 'zod';
import { findingSchema } from './security-scan-core';
import type { Finding } from './security-scan-core';

const PACKAGE = '@doyensec/electronegativity';

// Its release check downloads Electron's release list; the Electron version is pinned and moved
// by dependency updates, and tests stay off the network.
const excludedChecks = ['availablesecurityfixesglobalcheck'];

const rawIssueSchema = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  severity: z.object({ name: z.string() }),
  confidence: z.object({ name: z.string() }),
  description: z.string(),
  manualReview: z.boolean().optional(),
});
const rawResultSchema = z.object({
  issues: z.array(rawIssueSchema),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
});

type Runner = (options: Record<string, unknown>) => Promise<unknown>;

/**
 * Electronegativity fetches translations with `got` on every run, unconditionally. Putting an
 * offline stand-in into the require cache first keeps the scan from touching the network; it
 * then uses its bundled English strings, exactly as it does when the fetch fails.
 */
function loadOffline(): Runner {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(PACKAGE);
  } catch {
    throw new Error(`${PACKAGE} is not installed: run npm ci.`);
  }
  const fromPackage = createRequire(entry);
  const gotPath = fromPackage.resolve('got');
  const offline = (): Promise<never> =>
    Promise.reject(new Error('offline: the security scan makes no requests'));
  offline.head = offline;
  offline.get = offline;
  const cached = new Module(gotPath);
  cached.exports = offline;
  cached.loaded = true;
  require.cache[gotPath] = cached;
  const loaded = require(PACKAGE) as Runner | { default: Runner };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/** Scans a directory and returns every finding, whatever its severity. Throws on parse errors. */
export async function runElectronegativity(
  inputDir: string,
  electronVersion: string,
): Promise<Finding[]> {
  const run = loadOffline();
  const raw = rawResultSchema.parse(
    await run({
      input: inputDir,
      isRelative: true,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      customScan: [],
      excludeFromScan: excludedChecks,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    }),
  );
  // A file it could not parse was not scanned at all: that must not pass silently.
  const fatal = raw.errors.filter((error) => !error.tolerable);
  if (fatal.length > 0) {
    throw new Error(
      `Electronegativity could not parse: ${fatal.map((e) => `${e.file} (${e.message})`).join('; ')}`,
    );
  }
  return raw.issues.map((issue) =>
    findingSchema.parse({
      id: issue.id,
      file: issue.file.split('\\').join('/'),
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
      manualReview: issue.manualReview ?? false,
    }),
  );
}
