import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { defaultSettings, settingsSchema } from '../../shared/settings';
import type { Settings } from '../../shared/settings';
import { writeFileAtomic } from './atomic-write';
import type { AtomicWriteFs } from './atomic-write';
import { describeZodError } from '../../shared/zod-issue';
import { SettingsError } from './settings-error';
import {
  NO_UNKNOWN_FIELDS,
  separateUnknownFields,
  withUnknownFields,
} from './settings-unknown-fields';
import type { UnknownSettingsFields } from './settings-unknown-fields';

/** The file system calls the settings store makes; tests inject faults through it. */
export interface SettingsFs extends AtomicWriteFs {
  readFile: (file: string, encoding: 'utf8') => Promise<string>;
  access: (file: string) => Promise<void>;
}

export const SETTINGS_FILE_NAME = 'settings.json';

/** The settings as read, and what was wrong with the file if it could not be used. */
export interface LoadedSettings {
  settings: Settings;
  /** Set when the file was damaged and put aside: say it to the user once, in these words. */
  problem?: string;
}

/** What {@link readSettingsFile} read: the settings, and the fields this version does not know. */
export interface SettingsFileContent extends LoadedSettings {
  /** To pass to {@link writeSettingsFile}, which writes them back unchanged. */
  unknownFields: UnknownSettingsFields;
}

const errorCode = (error: unknown): unknown =>
  error instanceof Error && 'code' in error ? error.code : undefined;

// Colons are not allowed in Windows file names, so the ISO time uses dashes.
function backupStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

async function moveAside(file: string, now: Date, fs: SettingsFs): Promise<string> {
  const base = `${file}.corrupt-${backupStamp(now)}`;
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    const taken = await fs.access(candidate).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await fs.rename(file, candidate);
    return candidate;
  }
}

function parse(
  text: string,
):
  | { ok: true; settings: Settings; unknownFields: UnknownSettingsFields }
  | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  // Fields this version does not know are set aside, not refused: a newer version wrote them.
  const { known, unknown } = separateUnknownFields(json);
  const result = settingsSchema.safeParse(known);
  if (!result.success)
    return { ok: false, reason: describeZodError(result.error, 'The settings are not valid.') };
  return { ok: true, settings: result.data, unknownFields: unknown };
}

/**
 * Reads `settings.json`. A missing file means a fresh data directory: the defaults. A damaged file
 * (not JSON, or not matching the schema) is renamed to `settings.json.corrupt-<time>` beside it,
 * so nothing the user had is lost and the next read does not find it again, and the defaults are
 * used with a `problem` that says so. Fields it does not know (a newer version's) are not damage:
 * they come back in `unknownFields`. Only a file that cannot be read at all (permissions) throws:
 * going on with defaults would overwrite it on the next change.
 */
export async function readSettingsFile(
  file: string,
  fs: SettingsFs = fsPromises,
  now: () => Date = () => new Date(),
): Promise<SettingsFileContent> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return { settings: defaultSettings(), unknownFields: NO_UNKNOWN_FIELDS };
    }
    throw new SettingsError(
      `The settings file ${file} could not be read (${String(errorCode(error) ?? error)}). Check that your user account may read it.`,
    );
  }
  const parsed = parse(text);
  if (parsed.ok) return { settings: parsed.settings, unknownFields: parsed.unknownFields };
  const backup = await moveAside(file, now(), fs);
  return {
    settings: defaultSettings(),
    unknownFields: NO_UNKNOWN_FIELDS,
    problem: `The settings file was damaged (${parsed.reason}), so the default settings are used. The damaged file was kept as ${path.basename(backup)} in ${path.dirname(backup)}.`,
  };
}

/**
 * Writes the settings atomically (see {@link writeFileAtomic}), pretty-printed for people, with
 * the fields this version does not know as they were read.
 */
export async function writeSettingsFile(
  file: string,
  settings: Settings,
  fs: SettingsFs = fsPromises,
  unknownFields: UnknownSettingsFields = NO_UNKNOWN_FIELDS,
): Promise<void> {
  const content = withUnknownFields(settingsSchema.parse(settings), unknownFields);
  await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`, fs);
}
