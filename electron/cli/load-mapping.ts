import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMappingFile, type Mapping } from '../../shared/mapping';
import { CliError } from './cli-io';

/** Reads and checks a mapping file; every problem becomes one plain sentence, exit code 2. */
export async function loadMapping(file: string, cwd: string): Promise<Mapping> {
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    throw new CliError(`The mapping file ${file} could not be read. Check the path.`);
  }
  const parsed = parseMappingFile(text);
  if (!parsed.ok) {
    throw new CliError(
      [`The mapping file ${file} has problems:`, ...parsed.errors.map((e) => `  - ${e}`)].join(
        '\n',
      ),
    );
  }
  return parsed.mapping;
}
