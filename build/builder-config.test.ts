import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  PLACEHOLDER_RELEASES_REPOSITORY,
  PRODUCT_NAME,
  createBuilderConfig,
} from './builder-config';
import { releaseFuses } from './fuses-config';

// electron-builder's own JSON schema, with the one non-standard keyword it uses ("typeof" for hook
// functions) taught to the validator, so a function-valued hook is checked rather than waved through.
function schemaValidator(): ValidateFunction {
  const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addKeyword({
    keyword: 'typeof',
    validate: (expected: string, data: unknown) => typeof data === expected,
  });
  return ajv.compile(schema);
}
const validate = schemaValidator();

const macSigned = {
  CSC_LINK: '/secrets/developer-id.p12',
  CSC_KEY_PASSWORD: 'x',
  APPLE_API_KEY: '/secrets/AuthKey.p8',
  APPLE_API_KEY_ID: 'ABC123',
  APPLE_API_ISSUER: '00000000-0000-0000-0000-000000000000',
};
const azure = {
  AZURE_TENANT_ID: 't',
  AZURE_CLIENT_ID: 'c',
  AZURE_CLIENT_SECRET: 's',
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'customerscore',
  AZURE_TRUSTED_SIGNING_PROFILE: 'public-trust',
  AZURE_TRUSTED_SIGNING_PUBLISHER: 'Customerscore GmbH',
};

describe('electron-builder configuration', () => {
  it.each([
    ['no signing variables', {}],
    ['macOS signing and notarization', macSigned],
    ['Azure Trusted Signing', azure],
    ['the e2e build', { CSI_E2E_BUILD: '1' }],
  ])('matches electron-builder’s schema with %s', (_name, env) => {
    const { config } = createBuilderConfig(env);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is rejected by the schema check when it carries an unknown or mistyped option', () => {
    const { config } = createBuilderConfig({});
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false);
    expect(validate({ ...config, afterPack: 42 })).toBe(false);
  });

  it('names the product and packs only the built app', () => {
    const { config } = createBuilderConfig({});
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Customerscore Importer');
    expect(PRODUCT_NAME).toBe('Customerscore Importer');
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(config.asarUnpack).toEqual(['**/node_modules/@napi-rs/keyring*/**']);
    expect(config.electronFuses).toMatchObject(releaseFuses);
  });

  it('builds dmg and zip on macOS, a per-user NSIS installer on Windows, AppImage and deb on Linux', () => {
    const { config } = createBuilderConfig({});
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: false, oneClick: true });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});

describe('the update feed', () => {
  it('is the GitHub releases of the repository that builds the release', () => {
    const { config } = createBuilderConfig({ GITHUB_REPOSITORY: 'customerscore/importer' });
    expect(config.publish).toEqual({
      provider: 'github',
      owner: 'customerscore',
      repo: 'importer',
      releaseType: 'release',
    });
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('outside GitHub Actions, is the one placeholder repository, named as such', () => {
    const { config } = createBuilderConfig({});
    const [owner, repo] = PLACEHOLDER_RELEASES_REPOSITORY.split('/');
    expect(owner).toMatch(/placeholder/);
    expect(config.publish).toMatchObject({ provider: 'github', owner, repo });
  });

  it('is left out of the e2e build, which is never released', () => {
    expect(createBuilderConfig({ CSI_E2E_BUILD: '1' }).config.publish).toBeNull();
  });
});

describe('signing and notarization from the environment', () => {
  it('without variables, skips signing and notarization and says so', () => {
    const { config, notes } = createBuilderConfig({});
    expect(config.mac?.identity).toBeNull();
    expect(config.mac?.notarize).toBe(false);
    expect(config.win?.azureSignOptions).toBeUndefined();
    expect(notes.join('\n')).toMatch(/macOS signing skipped/);
    expect(notes.join('\n')).toMatch(/macOS notarization skipped/);
    expect(notes.join('\n')).toMatch(/Windows signing skipped/);
  });

  it('signs and notarizes on macOS when the certificate and an API key are given', () => {
    const { config, notes } = createBuilderConfig(macSigned);
    expect(config.mac?.identity).toBeUndefined();
    expect(config.mac?.notarize).toBe(true);
    expect(notes.join('\n')).not.toMatch(/macOS/);
  });

  it('also notarizes with an Apple ID and app-specific password', () => {
    const env = {
      CSC_NAME: 'Developer ID Application: Customerscore (TEAM123456)',
      APPLE_ID: 'release@customerscore.io',
      APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
      APPLE_TEAM_ID: 'TEAM123456',
    };
    expect(createBuilderConfig(env).config.mac?.notarize).toBe(true);
  });

  it('does not try to notarize an unsigned app', () => {
    const { APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER } = macSigned;
    const { config, notes } = createBuilderConfig({
      APPLE_API_KEY,
      APPLE_API_KEY_ID,
      APPLE_API_ISSUER,
    });
    expect(config.mac?.notarize).toBe(false);
    expect(notes.join('\n')).toMatch(/notarizes signed apps only/);
  });

  it('treats empty variables (absent CI secrets) as unset', () => {
    const { config } = createBuilderConfig({ CSC_LINK: '', APPLE_ID: ' ', WIN_CSC_LINK: '' });
    expect(config.mac?.identity).toBeNull();
  });

  it('stops on half-set credentials, naming what is missing', () => {
    expect(() => createBuilderConfig({ ...macSigned, APPLE_API_ISSUER: '' })).toThrow(
      /APPLE_API_KEY, APPLE_API_KEY_ID set but APPLE_API_ISSUER missing/,
    );
    expect(() => createBuilderConfig({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toThrow(
      /APPLE_APP_SPECIFIC_PASSWORD missing/,
    );
    expect(() => createBuilderConfig({ AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://x' })).toThrow(
      /AZURE_TRUSTED_SIGNING_ACCOUNT, AZURE_TRUSTED_SIGNING_PROFILE, AZURE_TRUSTED_SIGNING_PUBLISHER missing/,
    );
    expect(() => createBuilderConfig({ ...azure, AZURE_CLIENT_SECRET: '' })).toThrow(
      /AZURE_CLIENT_SECRET missing/,
    );
  });

  it('uses Azure Trusted Signing on Windows when its account and credentials are set', () => {
    const { config, notes } = createBuilderConfig(azure);
    expect(config.win?.azureSignOptions).toEqual({
      publisherName: 'Customerscore GmbH',
      endpoint: 'https://weu.codesigning.azure.net',
      certificateProfileName: 'public-trust',
      codeSigningAccountName: 'customerscore',
    });
    expect(notes).toContain('Windows signing: Azure Trusted Signing.');
  });
});

describe('the e2e build', () => {
  it('keeps inspector arguments, builds only the unpacked app, apart from releases and unsigned', () => {
    const { config, notes } = createBuilderConfig({ ...macSigned, CSI_E2E_BUILD: '1' });
    expect(config.electronFuses?.enableNodeCliInspectArguments).toBe(true);
    expect(config.directories?.output).toBe('release/e2e');
    expect([config.mac?.target, config.win?.target, config.linux?.target]).toEqual([
      ['dir'],
      ['dir'],
      ['dir'],
    ]);
    expect(config.mac?.identity).toBeNull();
    expect(config.mac?.notarize).toBe(false);
    expect(notes.join('\n')).toMatch(/Never ship it/);
  });

  it('is selected only by CSI_E2E_BUILD=1', () => {
    for (const value of [undefined, '', '0', 'true', 'yes']) {
      const { config } = createBuilderConfig({ CSI_E2E_BUILD: value });
      expect(config.electronFuses?.enableNodeCliInspectArguments).toBe(false);
      expect(config.directories?.output).toBe('release');
    }
  });
});
