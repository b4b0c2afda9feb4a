// Electron fuses flipped into the packaged binary (docs/security.md item 12). Pure data: the
// builder config, its test and the pipeline's read-back check all import it, so none can drift.
import type { Configuration } from 'electron-builder';

type FuseOptionsV1 = NonNullable<Configuration['electronFuses']>;

/** Environment variable that selects the e2e build (inspector arguments on). Never released. */
export const E2E_BUILD_ENV = 'CSI_E2E_BUILD';

/** The fuse settings this app controls, by electron-builder's `electronFuses` option names. */
export type FuseName =
  | 'runAsNode'
  | 'enableNodeOptionsEnvironmentVariable'
  | 'enableNodeCliInspectArguments'
  | 'enableCookieEncryption'
  | 'enableEmbeddedAsarIntegrityValidation'
  | 'onlyLoadAppFromAsar'
  | 'grantFileProtocolExtraPrivileges';

export type FuseSettings = Readonly<Record<FuseName, boolean>>;

/** What every released build gets. */
export const releaseFuses: FuseSettings = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node runtime.
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust roots from the environment.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect would hand the main process (and the keychain access it has) to a debugger.
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  // Without this, a loose `app/` folder beside app.asar would be loaded unvalidated.
  onlyLoadAppFromAsar: true,
  // The UI is served from app://, so file:// needs no privileges beyond a browser's.
  grantFileProtocolExtraPrivileges: false,
});

/**
 * Playwright's `_electron.launch` attaches through `--inspect`, so the e2e build (and only it)
 * keeps inspector arguments; everything else stays as released.
 */
export const e2eFuses: FuseSettings = Object.freeze({
  ...releaseFuses,
  enableNodeCliInspectArguments: true,
});

/** True when the environment asks for the e2e build. */
export function isE2eBuild(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[E2E_BUILD_ENV] === '1';
}

/**
 * The `electronFuses` block for electron-builder. It flips them right before signing, with the
 * same @electron/fuses it ships. `resetAdHocDarwinSignature` re-signs ad hoc after the flip: an
 * unsigned Apple-silicon build would otherwise carry a broken signature and be killed at launch.
 * It only touches `.app` bundles (macOS), is harmless on x64, and a real signature replaces it.
 */
export function electronFusesFor(options: { e2e: boolean }): FuseOptionsV1 {
  return { ...(options.e2e ? e2eFuses : releaseFuses), resetAdHocDarwinSignature: true };
}

/**
 * Index of each fuse on Electron's V1 fuse wire (the order of @electron/fuses' `FuseV1Options`),
 * for reading a packaged binary back.
 */
export const fuseWireIndex: Readonly<Record<FuseName, number>> = Object.freeze({
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  grantFileProtocolExtraPrivileges: 7,
});
