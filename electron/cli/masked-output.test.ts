import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryKeyring } from '../store/secrets-memory';
import { openCliContext } from './cli-context';
import type { CliIo } from './cli-io';
import { line } from './cli-io';
import { withMaskedOutput } from './masked-output';
import { spawnCli } from './testing/cli-harness';

const KEY = 'csk_live_7f3a9b2c4d5e6f70';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

function terminal(env: Record<string, string | undefined> = {}) {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
  const stderr = new PassThrough();
  const read = (stream: PassThrough) => (): string => {
    const chunk: unknown = stream.read();
    return chunk === null ? '' : String(chunk);
  };
  const io: CliIo = {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env,
    cwd: tmpdir(),
    onInterrupt: () => () => undefined,
  };
  return { io, out: read(stdout), err: read(stderr) };
}

describe("the CLI's output", () => {
  it('masks a key the secret store handed out, on stdout and stderr', () => {
    const { io, out, err } = terminal();
    const masked = withMaskedOutput(io);
    masked.registerSecret?.(KEY);
    line(masked.stdout, `Sent with ${KEY}.`);
    line(masked.stderr, `The server said: invalid key ${encodeURIComponent(KEY)}`);
    expect(out()).toBe('Sent with [redacted].\n');
    expect(err()).toBe('The server said: invalid key [redacted]\n');
  });

  it('masks the CUSTOMERSCORE_KEY key and whatever follows a customerscore-key header', () => {
    const { io, out } = terminal({ CUSTOMERSCORE_KEY: KEY });
    const masked = withMaskedOutput(io);
    line(masked.stdout, `echo: ${KEY}; customerscore-key: csk_test_other_key`);
    expect(out()).toBe('echo: [redacted]; customerscore-key: [redacted]\n');
  });

  it('keeps what the progress view looks at: a terminal and its width', () => {
    const { io } = terminal();
    const masked = withMaskedOutput(io);
    expect(masked.stdout.isTTY).toBe(true);
    expect(masked.stdout.columns).toBe(120);
  });

  it('learns every key the stores hand out (cli-context wires the secret store to it)', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'cli-mask-'));
    dirs.push(home);
    const { io, err } = terminal({ CUSTOMERSCORE_HOME: home });
    const masked = withMaskedOutput(io);
    const keyring = createMemoryKeyring();
    await keyring.set('default', KEY);
    const context = openCliContext(masked, keyring);
    await context.secrets.getKeyForSending('default');
    line(masked.stderr, `A library failed with ${KEY}`);
    expect(err()).toBe('A library failed with [redacted]\n');
  });

  it('is masked in a real CLI process when an error message quotes the key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cli-mask-'));
    dirs.push(dir);
    // A key pasted where a file name belongs: the "cannot read" message quotes what it was given.
    const child = spawnCli(['validate', 'events.csv', '--mapping', `${KEY}.json`], {
      env: { CUSTOMERSCORE_HOME: path.join(dir, 'home'), CUSTOMERSCORE_KEY: KEY },
      cwd: dir,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('[redacted].json');
    expect(output).not.toContain(KEY);
  }, 30_000);
});
