import { runCli } from './program';

// The command line's process binding; everything else takes its world as parameters (see runCli).

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
  // `npm run cli` runs in the project folder; INIT_CWD is where the user typed the command.
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
});
process.exitCode = code;
