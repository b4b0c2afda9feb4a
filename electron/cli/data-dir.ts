import { homedir } from 'node:os';
import { defaultAppDataDir, resolveDataDir } from '../store/paths';

/** The data directory the app uses too (`CUSTOMERSCORE_HOME` overrides), so both share profiles. */
export function cliDataDir(env: Record<string, string | undefined>): string {
  return resolveDataDir(env, defaultAppDataDir(process.platform, env, homedir()));
}
