import type { FileLike } from '../../../shared/ipc';
import { HOST_PATHS, TOKEN_PARAM } from '../host-protocol';

export type FetchLike = (
  url: string,
  init: { method: string; body: Blob; headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/**
 * `registerFile` for the browser host: the page has no paths, so the file's bytes go to the host
 * (streamed by the browser from disk, never read into the page), which registers the copy and
 * answers its handle in the channels' `{ ok, value: { handle, name } }` envelope, as the preload's
 * channel does in Electron; the main-process code then reads a real file.
 */
export async function uploadFile(
  file: FileLike,
  host: { origin: string; token: string },
  fetchFn: FetchLike,
): Promise<unknown> {
  if (!(file instanceof Blob)) throw new TypeError('Expected a File the user picked or dropped.');
  const url = new URL(HOST_PATHS.upload, host.origin);
  url.searchParams.set(TOKEN_PARAM, host.token);
  url.searchParams.set('name', file.name);
  const response = await fetchFn(url.href, {
    method: 'POST',
    body: file,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  const text = await response.text();
  if (!response.ok) {
    const message = `The browser host did not take the file: ${text}`;
    return { ok: false, error: { code: 'internal', message } };
  }
  // createApi checks the envelope and its value.
  return JSON.parse(text) as unknown;
}
