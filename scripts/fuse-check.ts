// Reads the fuse wire back from a packaged Electron binary and compares it with what
// build/fuses-config.ts says it must be (docs/security.md item 12: the pipeline checks the result,
// not only the configuration).
import { fuseWireIndex } from '../build/fuses-config';
import type { FuseName, FuseSettings } from '../build/fuses-config';

// @electron/fuses' FuseState: ASCII '0' and '1' on the wire; 'r' marks a fuse Electron removed.
const ENABLED = 49;
const DISABLED = 48;

export type FuseMismatch = { fuse: FuseName; expected: boolean; actual: string };

function describeState(state: number | undefined): string {
  if (state === ENABLED) return 'on';
  if (state === DISABLED) return 'off';
  if (state === 114) return 'removed';
  return state === undefined ? 'missing' : `unset (${state})`;
}

/** Compares a wire (index -> state byte) with the expected settings; empty when they agree. */
export function compareFuseWire(
  wire: Readonly<Record<number, number | undefined>>,
  expected: FuseSettings,
): FuseMismatch[] {
  const mismatches: FuseMismatch[] = [];
  for (const fuse of Object.keys(fuseWireIndex) as FuseName[]) {
    const state = wire[fuseWireIndex[fuse]];
    const want = expected[fuse];
    if (state !== (want ? ENABLED : DISABLED)) {
      mismatches.push({ fuse, expected: want, actual: describeState(state) });
    }
  }
  return mismatches;
}

/**
 * Reads the fuses of an app (`.app` bundle, `.exe` or Linux executable) and compares them.
 * @electron/fuses is imported lazily: only this check needs it, and only where apps are built.
 */
export async function checkAppFuses(
  appPath: string,
  expected: FuseSettings,
): Promise<FuseMismatch[]> {
  const { getCurrentFuseWire } = await import('@electron/fuses');
  const wire = (await getCurrentFuseWire(appPath)) as unknown as Record<number, number | undefined>;
  return compareFuseWire(wire, expected);
}
