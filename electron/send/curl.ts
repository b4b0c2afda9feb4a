import { API_KEY_HEADER } from '../../shared/api';

/** The environment variable a masked curl command reads the API key from. */
export const CURL_KEY_VARIABLE = 'CUSTOMERSCORE_KEY';

/** `text` as one POSIX shell word in single quotes (a quote inside becomes `'\''`). */
export function shellQuote(text: string): string {
  return `'${text.split("'").join(`'\\''`)}'`;
}

export interface CurlParts {
  endpoint: string;
  /** The exact body, as it would be sent. */
  body: string;
  /** The API key to write into the command, or null for `$CUSTOMERSCORE_KEY`. */
  key: string | null;
}

/**
 * The request as a curl command for a POSIX shell (macOS Terminal, Linux, Git Bash, WSL), with the
 * same method, headers and bytes the app sends. Masked, the key header is double-quoted so the
 * shell fills in `$CUSTOMERSCORE_KEY`; `--data-raw` sends the body as is (`-d` would treat a
 * leading `@` as a file name).
 */
export function buildCurlCommand({ endpoint, body, key }: CurlParts): string {
  const keyHeader =
    key === null
      ? `"${API_KEY_HEADER}: $${CURL_KEY_VARIABLE}"`
      : shellQuote(`${API_KEY_HEADER}: ${key}`);
  return [
    `curl -X POST ${shellQuote(endpoint)}`,
    `  -H ${shellQuote('Content-Type: application/json')}`,
    `  -H ${keyHeader}`,
    `  --data-raw ${shellQuote(body)}`,
  ].join(' \\\n');
}
