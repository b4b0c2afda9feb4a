import { SettingsError } from '../store/settings';
import { KeychainError } from '../store/secrets';
import type { Profile, ProfilePatch } from '../../shared/settings';
import { chooseProfile, openCliContext, type CliContext } from './cli-context';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import { parseRate } from './parse-rate';

export interface ProfileSetOptions {
  profile?: string;
  trackerKey?: string;
  endpoint?: string;
  rate?: string;
}

async function settings<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof SettingsError) throw new CliError(error.message);
    throw error;
  }
}

async function keyHint(context: CliContext, profile: Profile): Promise<string> {
  try {
    const status = await context.secrets.status(profile.id);
    if (!status.set) return 'not set';
    return status.last4 ? `set, ends in ${status.last4}` : 'set';
  } catch (error) {
    if (error instanceof KeychainError) return `unknown (${error.message})`;
    throw error;
  }
}

async function show(io: CliIo, context: CliContext, profile: Profile): Promise<void> {
  const active = await context.settings.activeProfile();
  line(io.stdout, `Profile "${profile.name}"${profile.id === active.id ? ' (active)' : ''}`);
  line(io.stdout, `  tracker key: ${profile.trackerKey || '(not set)'}`);
  line(io.stdout, `  endpoint:    ${profile.endpoint}`);
  line(io.stdout, `  rate limit:  ${profile.rateLimit.requests}/${profile.rateLimit.perSeconds}s`);
  line(io.stdout, `  API key:     ${await keyHint(context, profile)}`);
}

/**
 * `profile set [--profile <name>] [--tracker-key <key>] [--endpoint <url>] [--rate <n>/<s>s]`
 * (creates the named profile when there is none), `profile show [--profile <name>]`, `profile list`.
 */
export async function profileCommand(
  action: 'set' | 'show' | 'list',
  options: ProfileSetOptions,
  io: CliIo,
): Promise<number> {
  const context = openCliContext(io);
  if (action === 'list') {
    const profiles = await settings(() => context.settings.listProfiles());
    const active = await settings(() => context.settings.activeProfile());
    for (const profile of profiles) {
      const mark = profile.id === active.id ? '*' : ' ';
      line(
        io.stdout,
        `${mark} ${profile.name}  ${profile.trackerKey || '(no tracker key)'}  ${profile.endpoint}`,
      );
    }
    return EXIT.ok;
  }
  if (action === 'show') {
    await show(io, context, await chooseProfile(context, options.profile));
    return EXIT.ok;
  }
  const patch: ProfilePatch = {};
  if (options.trackerKey !== undefined) patch.trackerKey = options.trackerKey;
  if (options.endpoint !== undefined) patch.endpoint = options.endpoint;
  if (options.rate !== undefined) {
    const rate = parseRate(options.rate);
    patch.rateLimit = { requests: rate.requests, perSeconds: rate.perMs / 1000 };
  }
  let profile: Profile;
  const existing = options.profile
    ? (await settings(() => context.settings.listProfiles())).find(
        (p) =>
          p.id === options.profile ||
          p.name.toLowerCase() === options.profile?.trim().toLowerCase(),
      )
    : await settings(() => context.settings.activeProfile());
  if (existing) {
    profile = await settings(() => context.settings.updateProfile(existing.id, patch));
    line(io.stdout, `Profile "${profile.name}" saved.`);
  } else {
    const name = options.profile ?? 'default';
    profile = await settings(() => context.settings.createProfile({ name, ...patch }));
    line(io.stdout, `Profile "${profile.name}" created.`);
  }
  await show(io, context, profile);
  return EXIT.ok;
}
