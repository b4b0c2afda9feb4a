import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Mapping } from '../../../shared/mapping';
import type { CliIo } from '../cli-io';
import { runCli } from '../program';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs the CLI in this process with its own streams and environment (fast; no Ctrl+C). */
export async function runCliInProcess(
  args: string[],
  options: { env: Record<string, string | undefined>; cwd: string; stdin?: string },
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = {
    stdout,
    stderr,
    stdin,
    env: options.env,
    cwd: options.cwd,
    onInterrupt: () => () => undefined,
  };
  const code = await runCli(args, io);
  return { code, stdout: out(), stderr: err() };
}

const CLI_ENTRY = path.resolve(import.meta.dirname, '..', 'index.ts');

/** Starts the real CLI as a child process (`npm run cli` does the same), for kill -9 tests. */
export function spawnCli(
  args: string[],
  options: { env: Record<string, string | undefined>; cwd: string },
) {
  // Resolved here, not from the child's working folder, which has no node_modules.
  const tsx = import.meta.resolve('tsx');
  return spawn(process.execPath, ['--import', tsx, CLI_ENTRY, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env['PATH'], ...options.env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the real CLI as its own process to the end; `onStart` gets the child (to signal it). */
export function runChild(
  args: string[],
  options: { env: Record<string, string>; cwd: string },
  onStart?: (child: ReturnType<typeof spawnCli>) => void,
): Promise<CliRun> {
  const child = spawnCli(args, options);
  onStart?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
}

/** Polls `check` every 20 ms until it holds; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('Timed out waiting for the condition.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function writeMapping(
  dir: string,
  mapping: Mapping,
  name = 'mapping.json',
): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify(mapping, null, 2));
  return file;
}
