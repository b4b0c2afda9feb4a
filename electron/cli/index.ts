import { runCliProcess } from './process-main';

// `npm run cli` (and the tests' child processes): npm runs this in the project folder; INIT_CWD is
// where the user typed the command. The installed package starts from package-main.ts instead.
await runCliProcess(process.env['INIT_CWD'] ?? process.cwd());
