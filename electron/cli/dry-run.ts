import { findAlreadySent } from '../engine/ledger/already-sent-rows';
import { Ledger } from '../engine/ledger/ledger';
import { LedgerError } from '../engine/ledger/ledger-error';
import { createPacker } from '../engine/sending/pack';
import { prepareImport } from '../engine/validation/prepare';
import { ReadError } from '../engine/reading/reader';
import { checkRows } from '../engine/validation/validate';
import type { Mapping } from '../../shared/mapping';
import { count, plural } from '../../shared/wording';
import { CliError, EXIT, line, type CliIo } from './cli-io';
import { mappingMismatchError } from './mapping-mismatch';
import { environmentCodePage } from '../engine/reading/system-code-page';

/** Where a dry run's events would go, and whether the duplicate guard would skip the sent ones. */
export interface DryRunTarget {
  trackerKey: string;
  endpoint: string;
  dataDir: string;
  sendAgain: boolean;
}

/**
 * `send --dry-run`: everything but the HTTP requests. Reads and converts every row and packs the
 * requests exactly as a real send would, skipping what the duplicate guard would skip, then says
 * what would have been sent. Writes no journal and records nothing in the ledger.
 */
export async function dryRun(
  fullPath: string,
  mapping: Mapping,
  target: DryRunTarget,
  io: CliIo,
): Promise<number> {
  const { trackerKey } = target;
  try {
    const opened = await prepareImport({
      path: fullPath,
      mapping,
      systemCodePage: environmentCodePage(io.env),
      now: Date.now(),
    });
    if (!opened.ok) throw mappingMismatchError(opened.issues, opened.file);
    const { file, converter } = opened.prepared;
    const alreadySent = target.sendAgain
      ? null
      : await findAlreadySent(
          fullPath,
          file,
          converter,
          undefined,
          Ledger.forDestination(target.dataDir, target),
        );
    const packer = createPacker({ trackerKey });
    let skipped = 0;
    let rows = 0;
    let invalid = 0;
    let events = 0;
    let requests = 0;
    let bytes = 0;
    for await (const chunk of checkRows(fullPath, file, (cells, row, typed) =>
      converter.convert(cells, row, typed),
    )) {
      for (const checked of chunk.rows) {
        rows += 1;
        if (!checked.event) {
          invalid += 1;
          continue;
        }
        if (alreadySent?.reasonFor(checked.row.row) != null) {
          skipped += 1;
          continue;
        }
        const packed = packer.add(checked.row.row, checked.event);
        if (packed.issue) invalid += 1;
        for (const batch of packed.batches) {
          requests += 1;
          events += batch.eventCount;
          bytes += batch.bytes;
        }
      }
    }
    const last = packer.flush();
    if (last) {
      requests += 1;
      events += last.eventCount;
      bytes += last.bytes;
    }
    line(io.stdout, `Dry run of ${file.fileName}: nothing was sent.`);
    line(io.stdout, `  rows read:          ${count(rows)}`);
    line(
      io.stdout,
      `  events to send:     ${count(events)} in ${plural(requests, 'request')} (${plural(bytes, 'byte')})`,
    );
    line(
      io.stdout,
      `  rows not sendable:  ${count(invalid)} (run "validate --report" to list them)`,
    );
    if (skipped > 0) {
      line(
        io.stdout,
        `  already sent before: ${count(skipped)} (a send skips them; --send-again sends them anyway)`,
      );
    }
    return invalid > 0 ? EXIT.someRowsNotSent : EXIT.ok;
  } catch (error) {
    if (error instanceof ReadError || error instanceof LedgerError) {
      throw new CliError(error.message);
    }
    throw error;
  }
}
