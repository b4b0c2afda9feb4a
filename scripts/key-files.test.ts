// docs/security.md item 13: signing keys and certificates with private keys live only in CI
// secrets. Checks what git tracks and what it would pick up with `git add -A` (untracked, not
// ignored).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '..');

/** Containers of private keys or signing identities, by extension. */
const forbiddenKeyFile =
  /\.(p12|pfx|p8|pvk|spc|snk|keystore|jks|keychain|keychain-db|mobileprovision|provisionprofile)$/i;

function gitFiles(): string[] | null {
  try {
    const output = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return output.split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

const files = gitFiles();

describe('signing secrets stay out of the repository', () => {
  it('recognises the key and certificate containers used for signing', () => {
    for (const name of [
      'DeveloperID.p12',
      'codesign.PFX',
      'AuthKey_ABC123.p8',
      'release.keychain-db',
    ]) {
      expect(forbiddenKeyFile.test(name), name).toBe(true);
    }
    for (const name of ['build/icon.icns', 'build/entitlements.mac.plist', 'scripts/p8.ts']) {
      expect(forbiddenKeyFile.test(name), name).toBe(false);
    }
  });

  it.skipIf(files === null)(
    'finds no key or certificate file among the files git tracks or would add',
    () => {
      expect(files?.length ?? 0).toBeGreaterThan(0);
      expect((files ?? []).filter((file) => forbiddenKeyFile.test(file))).toEqual([]);
    },
  );
});
