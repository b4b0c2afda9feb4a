import { alreadySentReason, type AlreadySent } from '../../../shared/already-sent';
import type { RowConverter } from '../../../shared/convert';
import type { SourceFile } from '../reading/source/source';
import type { RowEdits } from '../validation/import-edits';
import { checkRows } from '../validation/validate';
import { FingerprintList } from './fingerprint-list';
import type { Ledger } from './ledger';

/**
 * The rows of a file whose events the ledger says were sent before, in row order, each with the
 * words the report gives it. 8 bytes a skipped row; rows are asked for in file order.
 */
export class AlreadySentRows {
  private cursor = 0;

  constructor(
    private readonly rows: Uint32Array,
    private readonly reasons: readonly string[],
    readonly summary: AlreadySent,
  ) {}

  get count(): number {
    return this.rows.length;
  }

  /** Why `row` is not sent again, or null when it was not sent before. */
  reasonFor(row: number): string | null {
    const rows = this.rows;
    // Rows come in order; a resume starts in the middle, found by binary search.
    if (this.cursor >= rows.length || (rows[this.cursor] ?? 0) > row) {
      let low = 0;
      let high = rows.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((rows[mid] ?? 0) < row) low = mid + 1;
        else high = mid;
      }
      this.cursor = low;
    }
    while (this.cursor < rows.length && (rows[this.cursor] ?? 0) < row) this.cursor += 1;
    return rows[this.cursor] === row ? (this.reasons[this.cursor] ?? null) : null;
  }
}

/**
 * Reads the file once, as the send will (same edits), and looks up every valid row's event:
 * the duplicate guard's check before the first request.
 */
export async function findAlreadySent(
  path: string,
  file: SourceFile,
  converter: RowConverter,
  edits: RowEdits | undefined,
  ledger: Ledger,
): Promise<AlreadySentRows> {
  const list = new FingerprintList();
  for await (const chunk of checkRows(
    path,
    file,
    (cells, row, typed) => converter.convert(cells, row, typed),
    undefined,
    edits,
  )) {
    for (const { row, event } of chunk.rows) if (event !== null) list.add(row.row, event);
  }
  const found = await ledger.lookup(list);
  const rows: number[] = [];
  const reasons: string[] = [];
  const reasonOf = new Map<number, string>();
  for (let i = 0; i < list.count; i++) {
    if (found.status[i] !== 2) continue;
    const id = found.source[i] ?? 0;
    let reason = reasonOf.get(id);
    if (reason === undefined) {
      const source = found.sources.get(id);
      reason = alreadySentReason(source ?? { kind: 'import', label: '', at: '' });
      reasonOf.set(id, reason);
    }
    rows.push(list.row(i));
    reasons.push(reason);
  }
  return new AlreadySentRows(Uint32Array.from(rows), reasons, found.summary);
}
