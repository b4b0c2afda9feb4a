import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import { withMaskedOutput } from './masked-output';

// Each command's module (and the readers, engine and stores behind it) is loaded when that command
// runs, so `--version`, `--help` and usage mistakes start in a fraction of the time; the packaged
// CLI keeps them in their own chunks (scripts/build-cli.ts).
const commands = {
  validate: () => import('./validate-command'),
  send: () => import('./send-command'),
  key: () => import('./key-command'),
  profile: () => import('./profile-command'),
};

type Run = (action: () => Promise<number>) => Promise<void>;

function buildProgram(io: CliIo, run: Run): Command {
  const program = new Command('customerscore-import')
    // The root package.json's version: read at run time from the checkout, inlined by the build.
    .version(version, '-V, --version', 'print the version')
    .description(
      'Validate spreadsheets of customer events and send them to the Customerscore Track API.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError('(run with --help to see the commands)');

  program
    .command('validate')
    .description('Check every row of a file against a mapping; nothing is sent.')
    .argument('<file>', 'the CSV/TSV file or workbook (.xlsx, .xlsm, .xls, .ods)')
    .requiredOption('--mapping <mapping.json>', 'the column-mapping file')
    .option(
      '--sheet <name>',
      "the workbook's sheet to read (default: the mapping's, else the first visible one)",
    )
    .option('--report <rejected.csv>', 'write the invalid rows here, ready to fix in Excel')
    .option('--json', 'print the result as JSON')
    .option(
      '--tracker-key <key>',
      "count the events already sent to this tracker key (default: the profile's)",
    )
    .option('--endpoint <url>', "the Track API address for that count (default: the profile's)")
    .option('--profile <name>', 'the profile whose tracker key and endpoint to count against')
    .action((file: string, options) =>
      run(async () => (await commands.validate()).validateCommand(file, options, io)),
    );

  program
    .command('send')
    .description(
      'Send the valid rows of a file as events, at the rate limit, with a journal for --resume.',
    )
    .argument('<file>', 'the CSV/TSV file or workbook (.xlsx, .xlsm, .xls, .ods)')
    .requiredOption('--mapping <mapping.json>', 'the column-mapping file')
    .option(
      '--sheet <name>',
      "the workbook's sheet to read (default: the mapping's, else the first visible one)",
    )
    .option('--tracker-key <key>', "your public tracker key (default: the profile's)")
    .option('--endpoint <url>', "the Track API address (default: the profile's)")
    .option('--report <rejected.csv>', 'write the rows not sent here')
    .option('--rate <requests>/<seconds>s', "request rate, e.g. 200/60s (default: the profile's)")
    .option('--resume', 'continue the interrupted import of this file')
    .option('--send-again', 'also send the events this destination already received from this app')
    .option(
      '--sample <events>',
      'send only the first <events> valid events, then stop; --resume sends the rest',
    )
    .option('--dry-run', 'do everything but the HTTP requests')
    .option('--profile <name>', 'the profile whose key, tracker key and endpoint to use')
    .action((file: string, options) =>
      run(async () => (await commands.send()).sendCommand(file, options, io)),
    );

  const key = program
    .command('key')
    .description(
      "The profile's API key in the OS keychain (read from standard input, never an argument).",
    );
  const keyHelp = {
    set: 'Store the API key read from standard input (replaces the one stored before).',
    status: 'Say whether a key is stored, showing only its last 4 characters.',
    delete: 'Remove the key from the keychain.',
  } as const;
  for (const action of ['set', 'status', 'delete'] as const) {
    key
      .command(action)
      .description(keyHelp[action])
      .option('--profile <name>', 'the profile (default: the active one)')
      .action((options: { profile?: string }) =>
        run(async () => (await commands.key()).keyCommand(action, options, io)),
      );
  }

  const profile = program
    .command('profile')
    .description('Profiles: tracker key, endpoint and rate limit.');
  profile
    .command('set')
    .description('Change a profile (creates it when it does not exist).')
    .option('--profile <name>', 'the profile (default: the active one)')
    .option('--tracker-key <key>', 'public tracker key, e.g. CS-ABCD1')
    .option('--endpoint <url>', 'Track API address (https; http only to localhost)')
    .addOption(new Option('--rate <requests>/<seconds>s', 'request rate, e.g. 200/60s'))
    .action((options) =>
      run(async () => (await commands.profile()).profileCommand('set', options, io)),
    );
  profile
    .command('show')
    .description(
      'Show a profile: tracker key, endpoint, rate limit and whether its API key is set.',
    )
    .option('--profile <name>', 'the profile (default: the active one)')
    .action((options) =>
      run(async () => (await commands.profile()).profileCommand('show', options, io)),
    );
  profile
    .command('list')
    .description('List the profiles; the active one is marked with *.')
    .action(() => run(async () => (await commands.profile()).profileCommand('list', {}, io)));
  return program;
}

/**
 * Runs the command line with `args` (without node and the script) and resolves to the exit code:
 * 0 all good, 1 some rows not sent (all in the report), 2 usage or fatal error.
 */
export async function runCli(args: readonly string[], rawIo: CliIo): Promise<number> {
  // Everything printed, by the commands, commander and the error lines below, is masked.
  const io = withMaskedOutput(rawIo);
  let code: number = EXIT.ok;
  const run: Run = async (action) => {
    code = await action();
  };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync([...args], { from: 'user' });
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.fatal;
    }
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes get 2.
      return error.exitCode === 0 ? EXIT.ok : EXIT.fatal;
    }
    if (error instanceof CliError) {
      line(io.stderr, error.message);
      return error.code;
    }
    line(
      io.stderr,
      `Something went wrong: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT.fatal;
  }
}
