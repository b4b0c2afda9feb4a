import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import { keyCommand } from './key-command';
import { withMaskedOutput } from './masked-output';
import { profileCommand } from './profile-command';
import { sendCommand } from './send-command';
import { validateCommand } from './validate-command';

type Run = (action: () => Promise<number>) => Promise<void>;

function buildProgram(io: CliIo, run: Run): Command {
  const program = new Command('customerscore')
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
    .action((file: string, options) => run(() => validateCommand(file, options, io)));

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
    .option('--dry-run', 'do everything but the HTTP requests')
    .option('--profile <name>', 'the profile whose key, tracker key and endpoint to use')
    .action((file: string, options) => run(() => sendCommand(file, options, io)));

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
      .action((options: { profile?: string }) => run(() => keyCommand(action, options, io)));
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
    .action((options) => run(() => profileCommand('set', options, io)));
  profile
    .command('show')
    .description(
      'Show a profile: tracker key, endpoint, rate limit and whether its API key is set.',
    )
    .option('--profile <name>', 'the profile (default: the active one)')
    .action((options) => run(() => profileCommand('show', options, io)));
  profile
    .command('list')
    .description('List the profiles; the active one is marked with *.')
    .action(() => run(() => profileCommand('list', {}, io)));
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
