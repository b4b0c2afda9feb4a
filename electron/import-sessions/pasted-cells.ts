import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../shared/user-error';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../store/private-files';

/**
 * Cells pasted on the Import screen become a file in the data directory (`pasted/`), so that
 * validation, sending, History and a resume after a crash treat them exactly as a chosen file:
 * the journal's fingerprint, byte offsets and rejected-rows report all need a file that stays.
 * The file holds customer data, so only its owner may read it.
 */
export const PASTED_FOLDER = 'pasted';

/** What every spreadsheet puts on the clipboard for a range of cells: tab-separated text. */
export const PASTE_DELIMITER = '\t';

const NO_CELLS =
  'The clipboard holds no cells. In Excel, Google Sheets or Numbers, select the cells with their header row, copy them, then paste here.';

/** `pasted-2026-12-03-142501.tsv`: the time it was pasted, readable in History and the log. */
function pastedFileName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `pasted-${stamp}.tsv`;
}

/**
 * Writes pasted text as a UTF-8 file and returns its path. Text without a tab and a line break
 * is not a range of cells (a single word, a sentence) and is refused in words, before any file.
 */
export async function savePastedCells(dataDir: string, text: string, at: Date): Promise<string> {
  const cells = text.replace(/^\uFEFF/, '');
  if (!cells.includes(PASTE_DELIMITER) || !/\r\n|\n|\r/.test(cells.trimEnd())) {
    throw new UserError('invalid_input', NO_CELLS);
  }
  const dir = path.join(dataDir, PASTED_FOLDER);
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  let file = path.join(dir, pastedFileName(at));
  // Two pastes in the same second get their own files.
  for (let n = 2; await exists(file); n += 1) {
    file = path.join(dir, pastedFileName(at).replace('.tsv', `-${n}.tsv`));
  }
  await writeFile(file, cells, { encoding: 'utf8', mode: PRIVATE_FILE_MODE, flag: 'wx' });
  return file;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
