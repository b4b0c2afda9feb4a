// The electron-builder configuration as a function of the environment, so a test can build it
// for every signing situation without touching process.env. electron-builder.config.ts calls it.
import type { Configuration } from 'electron-builder';
import { afterPack } from './after-pack';
import { electronFusesFor, isE2eBuild } from './fuses-config';
import { macSigning, windowsSigning } from './signing';
import type { Env } from './signing';

export const APP_ID = 'io.customerscore.importer';
export const PRODUCT_NAME = 'Customerscore Importer';
/**
 * Where the installed apps look for updates: the GitHub releases of this repository (latest.yml,
 * latest-mac.yml, latest-linux*.yml, published by .github/workflows/release.yml). Release builds
 * run in GitHub Actions, which names the repository in GITHUB_REPOSITORY, so they point at the
 * repository that publishes them. PLACEHOLDER_RELEASES_REPOSITORY is only for builds made
 * elsewhere (`npm run dist` on a laptop): replace it once the repository's owner/name is known.
 */
export const PLACEHOLDER_RELEASES_REPOSITORY =
  'customerscore-placeholder-owner/customerscore-importer';

/** The `owner/name` whose releases carry the update feed. */
export function releasesRepository(env: Env): { owner: string; repo: string } {
  const named = env['GITHUB_REPOSITORY']?.trim();
  const [owner = '', repo = ''] = (named || PLACEHOLDER_RELEASES_REPOSITORY).split('/');
  return { owner, repo };
}

/** Linux executable and artifact prefix: no spaces, so paths and release asset names stay plain. */
export const EXECUTABLE_NAME = 'customerscore-importer';

export type BuilderConfig = {
  config: Configuration;
  /** What was turned on or skipped and why, printed when electron-builder loads the config. */
  notes: string[];
};

/** Builds the configuration for the given environment. Throws on half-set signing credentials. */
export function createBuilderConfig(env: Env): BuilderConfig {
  const e2e = isE2eBuild(env);
  const mac = macSigning(env);
  const win = windowsSigning(env);
  const notes = e2e
    ? [
        'E2E build: inspector arguments stay on, unpacked app only, output release/e2e. Never ship it.',
      ]
    : [...mac.notes, ...win.notes];

  const config: Configuration = {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © Customerscore',
    directories: { output: e2e ? 'release/e2e' : 'release', buildResources: 'build' },
    // electron-vite bundles main, preload and renderer into out/; production dependencies are
    // added by electron-builder itself. Nothing else ships: no e2e/, electron/dev/, tests or emulator.
    files: ['out/**', 'package.json', '!**/*.map'],
    // The keychain module is native code: it has to live outside the asar to be loaded.
    asarUnpack: ['**/node_modules/@napi-rs/keyring*/**'],
    // napi-rs binaries use Node-API, stable across Node and Electron: nothing to rebuild.
    npmRebuild: false,
    // The update feed electron-updater reads (written into the app as app-update.yml). The pipeline
    // publishes (every build runs with --publish never); this only makes electron-builder write
    // latest*.yml and the blockmaps beside the installers, and tells the app where to look.
    publish: e2e
      ? null
      : { provider: 'github', ...releasesRepository(env), releaseType: 'release' },
    electronFuses: electronFusesFor({ e2e }),
    afterPack,
    artifactName: `${EXECUTABLE_NAME}-\${version}-\${os}-\${arch}.\${ext}`,
    mac: {
      category: 'public.app-category.business',
      // Targets carry no arch list: each build is for the host's architecture, whose keychain
      // package npm installed (docs/security.md item 14); each arch is built on its own runner.
      target: e2e ? ['dir'] : ['dmg', 'zip'],
      icon: 'build/icon.icns',
      hardenedRuntime: true,
      // Both files grant only allow-jit (V8). Not requested: allow-unsigned-executable-memory (V8
      // uses MAP_JIT since Electron 12) and disable-library-validation (electron-builder signs the
      // keychain module with the app's identity, so library validation accepts it). The inherit
      // file matters: without it electron-builder signs the helpers with a template that adds both.
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.inherit.plist',
      identity: e2e ? null : mac.identity,
      notarize: e2e ? false : mac.notarize,
    },
    dmg: { writeUpdateInfo: false },
    win: {
      target: e2e ? ['dir'] : ['nsis'],
      icon: 'build/icon.ico',
      ...(win.azureSignOptions && !e2e ? { azureSignOptions: win.azureSignOptions } : {}),
    },
    nsis: {
      // Per-user, no elevation: staff on managed laptops can install it without an admin.
      oneClick: true,
      perMachine: false,
      // Settings, journals and reports outlive an uninstall/reinstall.
      deleteAppDataOnUninstall: false,
      shortcutName: PRODUCT_NAME,
      differentialPackage: false,
    },
    linux: {
      target: e2e ? ['dir'] : ['AppImage', 'deb'],
      icon: 'build/icon.png',
      executableName: EXECUTABLE_NAME,
      category: 'Office',
      synopsis: 'Import spreadsheets of customer events into Customerscore',
      maintainer: 'Customerscore <support@customerscore.io>',
    },
  };
  return { config, notes };
}
