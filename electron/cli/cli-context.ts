import { createSecretStore, type Keyring, type SecretStore } from '../store/secrets';
import { createOsKeyring } from '../store/secrets-keyring';
import { securePrivateDataDir } from '../store/private-files';
import { createSettingsStore, type SettingsStore } from '../store/settings';
import type { Profile } from '../../shared/settings';
import { SettingsError } from '../store/settings';
import { CliError, type CliIo } from './cli-io';
import { cliDataDir } from './data-dir';

/** The stores the app uses too, opened on the same data directory and keychain. */
export interface CliContext {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
}

export function openCliContext(
  io: CliIo,
  keyring: Keyring = createOsKeyring({ env: io.env }),
): CliContext {
  const dataDir = cliDataDir(io.env);
  // Customer data goes in here: owner only, an older and looser directory made so too.
  securePrivateDataDir(dataDir);
  // Every key it hands out is masked in what the command prints (electron/cli/masked-output.ts).
  const secrets = createSecretStore(keyring, { registerSecret: io.registerSecret });
  const settings = createSettingsStore({
    dataDir,
    forgetKey: (id) => secrets.delete(id),
    // A damaged file is said on whatever command read it; the command goes on with the defaults.
    onProblem: (problem) => io.stderr.write(`${problem}\n`),
  });
  return { dataDir, settings, secrets };
}

/** `--profile <name>` (by name or id), else the active profile; a plain error when there is none. */
export async function chooseProfile(
  context: CliContext,
  name: string | undefined,
): Promise<Profile> {
  try {
    return name === undefined
      ? await context.settings.activeProfile()
      : await context.settings.getProfile(name);
  } catch (error) {
    if (error instanceof SettingsError) throw new CliError(error.message);
    throw error;
  }
}
