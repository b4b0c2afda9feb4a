import { runCli } from './program';

// The command line's process binding; everything else takes its world as parameters (see runCli).
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
