/** Longest URL handed to the system browser; anything longer is not a link a person clicked. */
const MAX_URL_LENGTH = 2048;

/**
 * The URL to open in the system browser, or null when it must not be opened. Only `https:` URLs
 * parsed by `URL` with a host pass. URLs with credentials (`https://customerscore.io@evil.example`)
 * are refused: the part before `@` is there to make a look-alike host read as a trusted one, and
 * the app never links to a URL that needs them. Look-alike hosts without that trick are allowed:
 * the browser shows their real address and its own protections apply.
 */
export function safeExternalUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * Opens `value` in the system browser when {@link safeExternalUrl} accepts it; resolves whether it
 * did. `open` is `shell.openExternal` in the app and a fake in tests. Never throws: a link the OS
 * cannot open is not worth crashing over.
 */
export async function openExternalUrl(
  value: unknown,
  open: (url: string) => Promise<void>,
): Promise<boolean> {
  const url = safeExternalUrl(value);
  if (url === null) return false;
  try {
    await open(url);
    return true;
  } catch {
    return false;
  }
}
