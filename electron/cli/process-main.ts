import { runCli } from './program';

/**
 * The command line's process binding; everything else takes its world as parameters (see runCli).
 * `cwd` is the folder relative file names are read from: where the user typed the command.
 */
export async function runCliProcess(cwd: string): Promise<void> {
  // `validate … | head -1`: the reader of the output went away. What is left to print has nowhere
  // to go, so it is dropped quietly (no EPIPE trace) and the command still finishes its work (a
  // report being written is completed) and exits with its own code.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  }
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd,
    onInterrupt(handler) {
      // SIGTERM (a service manager, `kill`) stops like a first Ctrl+C: requests under way finish, the
      // job is left to resume and its sender's lock is released. A second one exits at once, as a
      // kill would (the journal is synced record by record; the exit releases the lock), but never
      // cancels the job: only Ctrl+C twice does.
      let terms = 0;
      const terminate = () => {
        terms += 1;
        if (terms === 1) handler();
        else process.exit(143);
      };
      process.on('SIGINT', handler);
      process.on('SIGTERM', terminate);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', terminate);
      };
    },
  });
  process.exitCode = code;
}
