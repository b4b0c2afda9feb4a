import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsMapping, tempDir, writeEventsCsv } from '../engine/testing/csv-files';
import { runCliInProcess, writeMapping } from './testing/cli-harness';

/** A data directory whose settings file is damaged (cut off mid-write, say). */
async function damagedHome() {
  const dir = await tempDir('csi-settings-');
  const home = path.join(dir, 'home');
  await mkdir(home);
  const damaged = '{"version": 1, "activeProfileId": "default", "profiles": [';
  await writeFile(path.join(home, 'settings.json'), damaged);
  const cli = (...args: string[]) =>
    runCliInProcess(args, { env: { CUSTOMERSCORE_HOME: home }, cwd: dir });
  return { dir, home, damaged, cli };
}

const SENTENCE =
  /^The settings file was damaged \(it is not valid JSON\), so the default settings are used\. The damaged file was kept as (settings\.json\.corrupt-\S+) in (.+)\.$/m;

describe('a damaged settings file, from the command line', () => {
  it('is said in words, naming where its backup went, and the command goes on with the defaults', async () => {
    const { home, damaged, cli } = await damagedHome();
    const list = await cli('profile', 'list');
    expect(list.code).toBe(0);
    const said = SENTENCE.exec(list.stderr);
    expect(said?.[2]).toBe(home);
    expect(await readFile(path.join(home, said?.[1] ?? ''), 'utf8')).toBe(damaged);
    expect(list.stdout).toMatch(/^\* default/m);

    // Said once: the backup is out of the way, the next command finds a sound file.
    expect((await cli('profile', 'list')).stderr).not.toMatch(/damaged/);
  });

  it('is said by send too, before it refuses a profile without a tracker key (exit 2)', async () => {
    const { dir, home, cli } = await damagedHome();
    const file = await writeEventsCsv(dir, 3);
    const run = await cli('send', file, '--mapping', await writeMapping(dir, eventsMapping));
    expect(run.stderr).toMatch(SENTENCE);
    expect(run.code).toBe(2);
    expect((await readdir(home)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(
      true,
    );
  });
});
