import { runCliProcess } from './process-main';

// The entry of the installed `customerscore-import` (scripts/build-cli.ts bundles from here). It
// runs where the user is: an INIT_CWD left in the environment by an npm script around it would
// point at that script's project, not at the folder of the files named on the command line.
await runCliProcess(process.cwd());
