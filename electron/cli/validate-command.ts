import path from 'node:path';
import { issueKindLabel, type IssueKind } from '../../shared/issues';
import { ReadError } from '../engine/reading/reader';
import { createReportWriter, type ReportWriter } from '../engine/job/report';
import { validateFile, type ValidationSummary } from '../engine/validation/validate';
import { count, plural } from '../../shared/wording';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import type { SourceFile } from '../engine/reading/source/source';
import { loadMapping } from './load-mapping';
import { mappingMismatchError } from './mapping-mismatch';
import { encodingReason, encodingSentence } from '../../shared/encodings';
import { environmentCodePage } from '../engine/reading/system-code-page';
import { sheetNotice, withSheet } from './sheet-choice';
import { describeAlreadySent, describeMaybeSent } from '../../shared/already-sent';
import { Ledger } from '../engine/ledger/ledger';
import { LedgerError } from '../engine/ledger/ledger-error';
import { sendDestination } from '../store/send-target';
import { chooseProfile, openCliContext } from './cli-context';

export interface ValidateCommandOptions {
  mapping: string;
  sheet?: string;
  report?: string;
  json?: boolean;
  trackerKey?: string;
  endpoint?: string;
  profile?: string;
}

/**
 * The duplicate guard's ledger for where `send` would go with the same flags, or null when no
 * tracker key is known (validating a file before any profile exists is fine: nothing to count).
 */
async function ledgerFor(options: ValidateCommandOptions, io: CliIo): Promise<Ledger | null> {
  const context = openCliContext(io);
  const profile = await chooseProfile(context, options.profile);
  const where = sendDestination(profile, {
    trackerKey: options.trackerKey,
    endpoint: options.endpoint,
  });
  return where.ok ? Ledger.forDestination(context.dataDir, where.destination) : null;
}

const SHOWN_ISSUES = 20;

function printSummary(
  io: CliIo,
  fileName: string,
  encoding: string | null,
  summary: ValidationSummary,
): void {
  const out = io.stdout;
  line(out, `${fileName}: ${plural(summary.totalRows, 'row')}`);
  // Which encoding the text was read in, and why: a wrong one reads every name as mojibake.
  if (encoding !== null) line(out, `  encoding: ${encoding}`);
  line(out, `  valid:    ${count(summary.validRows)}`);
  line(out, `  invalid:  ${count(summary.invalidRows)}`);
  line(out, `  warnings: ${count(summary.warnedRows)}`);
  line(
    out,
    `  ${summary.timestampDescription} Time zone for times without an offset: ${summary.zone}.`,
  );
  // Only the marks decided from a column: a mark the mapping names is no news to its writer.
  for (const choice of summary.decimalMarks.filter((c) => c.automatic)) {
    line(out, `  Decimal mark of ${JSON.stringify(choice.column)}: ${choice.description}`);
  }
  // The duplicate guard's count, when a destination is known.
  if (summary.alreadySent) {
    const sent = describeAlreadySent(summary.alreadySent);
    if (sent !== null) {
      line(out, `  ${sent} send skips them; --send-again sends them anyway.`);
    }
    const maybe = describeMaybeSent(summary.alreadySent);
    if (maybe !== null) line(out, `  ${maybe}`);
  }
  const kinds = Object.entries(summary.issueCounts) as [IssueKind, number][];
  if (kinds.length > 0) {
    line(out);
    line(out, 'Problems by kind:');
    for (const [kind, n] of kinds.sort((a, b) => b[1] - a[1])) {
      line(out, `  ${count(n)} × ${issueKindLabel(kind)}`);
    }
    line(out);
    const shown = summary.issues.slice(0, SHOWN_ISSUES);
    line(out, `First ${shown.length === 1 ? 'problem' : `${shown.length} problems`}:`);
    for (const issue of shown) {
      const where = issue.column ? `row ${issue.row}, ${issue.column}` : `row ${issue.row}`;
      const level = issue.severity === 'warning' ? ' (warning: the row is still sent)' : '';
      line(out, `  ${where}: ${issue.message}${level}`);
    }
    const more = summary.issues.length - shown.length + summary.moreIssues;
    if (more > 0) line(out, `  … and ${count(more)} more.`);
  }
}

/**
 * `validate <file> --mapping <mapping.json> [--report <rejected.csv>] [--json]`: reads the whole
 * file with the mapping and prints the counts and the first problems. Exit 0 when every row is
 * valid, 1 when some are not (all of them in the report, when asked for), 2 on a fatal error.
 */
export async function validateCommand(
  file: string,
  options: ValidateCommandOptions,
  io: CliIo,
): Promise<number> {
  const mapping = withSheet(await loadMapping(options.mapping, io.cwd), options.sheet);
  const fullPath = path.resolve(io.cwd, file);
  const reportPath = options.report ? path.resolve(io.cwd, options.report) : null;
  // Created once the file is open (the report needs its header); a box, as callbacks assign it.
  const report: { writer: ReportWriter | null } = { writer: null };
  // Which sheet of a workbook was read, said once, whether or not the mapping fits it.
  let noticed = false;
  const notice = (opened: SourceFile): void => {
    const text = noticed ? null : sheetNotice(opened, mapping);
    noticed = true;
    // Beside JSON on standard output, a notice would break it: it goes to standard error.
    if (text !== null) line(options.json === true ? io.stderr : io.stdout, text);
  };
  const ledger = await ledgerFor(options, io);
  let result;
  try {
    result = await validateFile({
      path: fullPath,
      mapping,
      ledger: ledger ?? undefined,
      systemCodePage: environmentCodePage(io.env),
      now: Date.now(),
      onOpened: (opened) => {
        notice(opened);
        if (reportPath) report.writer = createReportWriter(reportPath, opened.header);
      },
      // The whole file decided a decimal mark other than its first rows: the report starts again.
      onRestart: async () => {
        await report.writer?.abort();
        report.writer = null;
      },
      onInvalidRow: async ({ row, issues }) => {
        const error = issues.filter((i) => i.severity === 'error').map((i) => i.message);
        await report.writer?.add({ row: row.row, error: error.join(' '), cells: row.cells });
      },
    });
  } catch (error) {
    await report.writer?.abort();
    if (error instanceof ReadError || error instanceof LedgerError) {
      throw new CliError(error.message);
    }
    throw error;
  }
  if (!result.ok) {
    notice(result.file);
    throw mappingMismatchError(result.issues, result.file);
  }
  const { summary } = result;
  const reportRows = report.writer ? await report.writer.close() : 0;

  const opened = result.file;
  const encoding =
    opened.format === 'csv'
      ? {
          name: opened.encoding,
          source: opened.encodingSource,
          alternative: opened.encodingAlternative,
          reason: encodingReason(opened),
        }
      : null;
  if (options.json) {
    line(io.stdout, JSON.stringify({ file: opened.fileName, encoding, ...summary }, null, 2));
  } else {
    const sentence = opened.format === 'csv' ? encodingSentence(opened) : null;
    printSummary(io, opened.fileName, sentence, summary);
    if (options.report) {
      line(io.stdout);
      line(io.stdout, `Report of the ${plural(reportRows, 'invalid row')}: ${options.report}`);
    } else if (summary.invalidRows > 0) {
      line(io.stdout);
      line(io.stdout, 'Add --report <file.csv> to save the invalid rows, ready to fix in Excel.');
    }
  }
  return summary.invalidRows > 0 ? EXIT.someRowsNotSent : EXIT.ok;
}
