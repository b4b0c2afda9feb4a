import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from '../../store/private-files';

/** One rejected row: its spreadsheet row number, why, and its cells as read from the file. */
export interface ReportRow {
  row: number;
  error: string;
  cells: readonly string[];
}

export interface ReportOptions {
  /** Default `,`. Pass the file's own delimiter so the report opens in Excel like the original did. */
  delimiter?: string;
}

/** Streams a report row by row; rows must come in ascending row order. */
export interface ReportWriter {
  add(row: ReportRow): Promise<void>;
  /** Finishes the file and moves it into place; resolves to the number of rows written. */
  close(): Promise<number>;
  /** Stops and removes the unfinished file. */
  abort(): Promise<void>;
}

const BOM = '\uFEFF';
const NEWLINE = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field, quoted when it must be: it holds the delimiter, a quote or a line break, or it
 * starts or ends with white space (which spreadsheet programs would otherwise trim).
 */
export function csvField(value: string, delimiter = ','): string {
  const quote =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    /^\s|\s$/.test(value);
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The report's header: `row`, `error`, then the file's own header names. If the file already has
 * a column called `row` or `error`, ours get a leading underscore, so no name appears twice and a
 * saved mapping still finds the file's columns on re-import.
 */
export function reportHeader(header: readonly string[]): string[] {
  const taken = new Set(header);
  const unique = (name: string) => {
    let candidate = name;
    while (taken.has(candidate)) candidate = `_${candidate}`;
    taken.add(candidate);
    return candidate;
  };
  return [unique('row'), unique('error'), ...header];
}

/**
 * The error text, made inert for spreadsheets: it can quote a server's message, so one starting
 * with `=`, `+`, `-` or `@` is prefixed with `'` rather than run as a formula when the report is
 * opened. The row's own cells are written exactly as they were, formulas included: they came from
 * the user's file, and the report exists to be fixed and imported again, which any change to the
 * data would break.
 */
export function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvLine(fields: readonly string[], delimiter: string): string {
  return fields.map((field) => csvField(field, delimiter)).join(delimiter) + NEWLINE;
}

/**
 * Starts a rejected-rows report at `filePath`: CSV in UTF-8 with a byte-order mark (so Excel shows
 * accents), CRLF line ends. Each row keeps its cells as read, even when it has more or fewer cells
 * than the header (the very problem it may be reported for). Written to `<filePath>.partial` and
 * renamed on `close`, so a half-written report is never mistaken for a whole one.
 */
export function createReportWriter(
  filePath: string,
  header: readonly string[],
  options: ReportOptions = {},
): ReportWriter {
  const delimiter = options.delimiter ?? ',';
  const partial = `${filePath}.partial`;
  // Rejected rows with their cells: customer data, readable by the owner only.
  const stream = createWriteStream(partial, { encoding: 'utf8', mode: PRIVATE_FILE_MODE });
  // Set by the stream's error event; read through a function, since flow analysis cannot see
  // an assignment made in a callback.
  let failure: Error | null = null;
  stream.on('error', (error) => (failure = error));
  const failed = (): Error | null => failure;
  let lastRow = 0;
  let count = 0;

  async function write(text: string): Promise<void> {
    const early = failed();
    if (early) throw early;
    if (!stream.write(text)) {
      // `once` also rejects if the stream fails while we wait.
      await once(stream, 'drain');
    }
  }

  const started = write(BOM + csvLine(reportHeader(header), delimiter));
  started.catch(() => undefined); // reported by the next add or close
  return {
    async add({ row, error, cells }) {
      await started;
      if (row <= lastRow) {
        throw new RangeError(
          `Report rows must come in ascending order (row ${row} after ${lastRow}).`,
        );
      }
      lastRow = row;
      count += 1;
      await write(csvLine([String(row), inertText(error), ...cells], delimiter));
    },
    async close() {
      await started;
      const before = failed();
      if (before) throw before;
      stream.end();
      await once(stream, 'close');
      const after = failed();
      if (after) throw after;
      await rename(partial, filePath);
      return count;
    },
    async abort() {
      if (!stream.closed) {
        const closed = once(stream, 'close').catch(() => undefined);
        stream.destroy();
        await closed;
      }
      await rm(partial, { force: true });
    },
  };
}

/** Writes a whole report at once, sorted by row number. */
export async function writeRejectedReport(
  filePath: string,
  header: readonly string[],
  rows: readonly ReportRow[],
  options: ReportOptions = {},
): Promise<number> {
  const writer = createReportWriter(filePath, header, options);
  try {
    for (const row of [...rows].sort((a, b) => a.row - b.row)) await writer.add(row);
    return await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
