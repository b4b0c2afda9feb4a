// Signing and notarization are driven by environment variables only (docs/security.md item 13): CI
// passes its secrets as env, a developer's shell may, and without them the build is unsigned and
// says so. electron-builder reads the variables itself; this module decides which of its options
// to turn on, and refuses half-configured credentials early with the names of what is missing.

export type Env = Readonly<Record<string, string | undefined>>;

/** The macOS part of the builder config that depends on the environment. */
export type MacSigning = {
  /** `null` skips signing; `undefined` lets electron-builder use CSC_LINK / CSC_NAME. */
  identity: null | undefined;
  notarize: boolean;
  notes: string[];
};

/** Azure Trusted Signing settings (field names as electron-builder's `azureSignOptions`). */
export type AzureSignOptions = {
  publisherName: string;
  endpoint: string;
  certificateProfileName: string;
  codeSigningAccountName: string;
};

export type WindowsSigning = {
  azureSignOptions: AzureSignOptions | undefined;
  notes: string[];
};

const appleIdVars = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
const appleApiKeyVars = ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] as const;

/** Azure's own credential variables (read by its sign tool) and ours for the account. */
export const azureAuthVars = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'] as const;
export const azureAccountVars = {
  endpoint: 'AZURE_TRUSTED_SIGNING_ENDPOINT',
  codeSigningAccountName: 'AZURE_TRUSTED_SIGNING_ACCOUNT',
  certificateProfileName: 'AZURE_TRUSTED_SIGNING_PROFILE',
  publisherName: 'AZURE_TRUSTED_SIGNING_PUBLISHER',
} as const;

function has(env: Env, name: string): boolean {
  return (env[name] ?? '').trim() !== '';
}

/** A group counts when all of it is set; part of a group is a mistake worth stopping for. */
function group(env: Env, names: readonly string[]): 'complete' | 'absent' {
  const missing = names.filter((name) => !has(env, name));
  if (missing.length === 0) return 'complete';
  if (missing.length === names.length) return 'absent';
  const set = names.filter((name) => has(env, name));
  throw new Error(
    `${set.join(', ')} set but ${missing.join(', ')} missing: set all of them or none.`,
  );
}

/** Decides macOS signing and notarization from the environment. */
export function macSigning(env: Env): MacSigning {
  const notes: string[] = [];
  const signing = has(env, 'CSC_LINK') || has(env, 'CSC_NAME');
  if (!signing) {
    notes.push(
      'macOS signing skipped: CSC_LINK (+ CSC_KEY_PASSWORD) or CSC_NAME is not set. The app is ' +
        'only ad-hoc signed; Gatekeeper will warn on first launch.',
    );
  }
  // Both groups are checked so that a half-set one is reported even when the other is complete.
  const groups = [group(env, appleIdVars), group(env, appleApiKeyVars)];
  const credentials = groups.includes('complete') || has(env, 'APPLE_KEYCHAIN_PROFILE');
  if (!credentials) {
    notes.push(
      'macOS notarization skipped: set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, ' +
        'or APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER.',
    );
  } else if (!signing) {
    notes.push('macOS notarization skipped: Apple notarizes signed apps only.');
  }
  return { identity: signing ? undefined : null, notarize: signing && credentials, notes };
}

/** Decides Windows signing: Azure Trusted Signing, a certificate file, or none. */
export function windowsSigning(env: Env): WindowsSigning {
  const accountNames = Object.values(azureAccountVars);
  if (group(env, accountNames) === 'complete') {
    const missingAuth = azureAuthVars.filter((name) => !has(env, name));
    if (missingAuth.length > 0) {
      throw new Error(`Azure Trusted Signing is configured but ${missingAuth.join(', ')} missing.`);
    }
    const read = (name: string): string => (env[name] ?? '').trim();
    return {
      azureSignOptions: {
        publisherName: read(azureAccountVars.publisherName),
        endpoint: read(azureAccountVars.endpoint),
        certificateProfileName: read(azureAccountVars.certificateProfileName),
        codeSigningAccountName: read(azureAccountVars.codeSigningAccountName),
      },
      notes: ['Windows signing: Azure Trusted Signing.'],
    };
  }
  if (has(env, 'WIN_CSC_LINK') || has(env, 'CSC_LINK')) {
    return { azureSignOptions: undefined, notes: ['Windows signing: certificate file.'] };
  }
  return {
    azureSignOptions: undefined,
    notes: [
      'Windows signing skipped: WIN_CSC_LINK (+ WIN_CSC_KEY_PASSWORD) or Azure Trusted Signing ' +
        'variables are not set. SmartScreen will warn on first launch.',
    ],
  };
}
