import { InvalidKeyError, KeychainError } from '../store/secrets';
import { chooseProfile, openCliContext } from './cli-context';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import { readSecret } from './read-secret';

/** Keychain failures and refused keys become plain CLI errors (exit 2); the key is never echoed. */
async function keychain<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof KeychainError || error instanceof InvalidKeyError) {
      throw new CliError(error.message);
    }
    throw error;
  }
}

/** `key set|status|delete [--profile <name>]`: the profile's API key in the OS keychain. */
export async function keyCommand(
  action: 'set' | 'status' | 'delete',
  options: { profile?: string },
  io: CliIo,
): Promise<number> {
  const context = openCliContext(io);
  const profile = await chooseProfile(context, options.profile);
  if (action === 'set') {
    const key = await readSecret(io);
    const status = await keychain(() => context.secrets.set(profile.id, key));
    const hint = status.set && status.last4 ? `, ends in ${status.last4}` : '';
    line(io.stdout, `API key stored in the keychain for profile "${profile.name}"${hint}.`);
    return EXIT.ok;
  }
  if (action === 'delete') {
    const removed = await keychain(() => context.secrets.delete(profile.id));
    line(
      io.stdout,
      removed
        ? `API key of profile "${profile.name}" deleted from the keychain.`
        : `Profile "${profile.name}" had no API key in the keychain.`,
    );
    return EXIT.ok;
  }
  const status = await keychain(() => context.secrets.status(profile.id));
  if (!status.set) {
    line(io.stdout, `Profile "${profile.name}": no API key set.`);
    return EXIT.fatal;
  }
  const hint = status.last4 ? `, ends in ${status.last4}` : '';
  line(io.stdout, `Profile "${profile.name}": API key set${hint}.`);
  return EXIT.ok;
}
