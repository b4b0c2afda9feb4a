import type { MappingIssue } from '../../shared/issues';
import { headerRowInMappingHint } from '../../shared/header-row';
import type { Mapping } from '../../shared/mapping';
import { sniffSource } from '../engine/reading/source/source';
import { environmentCodePage } from '../engine/reading/system-code-page';
import { CliError, type CliIo } from './cli-io';

/** What the command line knows of the opened file when the mapping does not fit it. */
export interface OpenedHeader {
  fileName: string;
  headerRow: number;
  header: readonly string[];
  /** A row below title or key;value lines that looks like the column names (see `sniffFile`). */
  suggestedHeaderRow: number | null;
}

/**
 * "The mapping does not fit this file", with each problem. When the header row read looks like a
 * title and another row like the column names, the columns the mapping missed are not listed
 * against the title's cells ("Did you mean "Umsätze Girokonto"?"): the command line says which
 * row to read instead and how the mapping file says so.
 */
export function mappingMismatchError(
  issues: readonly MappingIssue[],
  file: OpenedHeader | null,
): CliError {
  const suggested = file?.suggestedHeaderRow ?? null;
  const others = issues.filter(
    (issue) => issue.column === null || file?.header.includes(issue.column) === true,
  );
  // Every column found in the row read: that row is the header, whatever lies above it.
  if (file === null || suggested === null || others.length === issues.length) {
    return new CliError(
      ['The mapping does not fit this file:', ...issues.map((i) => `  - ${i.message}`)].join('\n'),
    );
  }
  const lines = [
    `The mapping does not fit row ${file.headerRow} of ${file.fileName}, which does not look like the column names.`,
    headerRowInMappingHint(suggested),
  ];
  if (others.length > 0) {
    lines.push('Also:', ...others.map((i) => `  - ${i.message}`));
  }
  return new CliError(lines.join('\n'));
}

/**
 * The header a job read, for a mapping that did not fit it (the job keeps no file to ask): the
 * file looked at again, as the job opened it. Null when it cannot be read.
 */
export async function openedHeader(
  path: string,
  mapping: Mapping,
  io: CliIo,
): Promise<OpenedHeader | null> {
  try {
    const options = { sampleRows: 1, systemCodePage: environmentCodePage(io.env) };
    return await sniffSource(path, mapping.source ?? {}, options);
  } catch {
    return null;
  }
}
