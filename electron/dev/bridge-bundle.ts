import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./page/bridge.ts', import.meta.url));

let bundled: Promise<string> | null = null;

/**
 * The page's bridge (`page/bridge.ts` with `createApi` and zod) as one classic script, bundled by
 * esbuild (tsx's own compiler, already installed) the first time it is asked for, then kept for the
 * life of the process. Bundling on the fly keeps the host free of a build step of its own.
 */
export function bundleBridgeScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    legalComments: 'none',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no bridge script.');
    return file.text;
  });
  // A failed build is not kept: the next page load tries again (after the code was fixed).
  bundled.catch(() => {
    bundled = null;
  });
  return bundled;
}
