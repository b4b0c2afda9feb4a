import { APP_HOST, APP_SCHEME } from '../protocol';

/**
 * Whether a frame URL belongs to the app: `app://app/...` always, and the dev server's origin only
 * when one is given (development). Compared on parsed parts, not prefixes, so
 * `app://app.evil.example` and `app://app@evil.example` do not pass. (`URL.origin` is "null" for
 * custom schemes, hence scheme and host for app://.)
 */
export function createTrustedSenderCheck(options: {
  devServerUrl?: URL | null;
}): (frameUrl: string) => boolean {
  const devOrigin = options.devServerUrl?.origin ?? null;
  return (frameUrl) => {
    let url: URL;
    try {
      url = new URL(frameUrl);
    } catch {
      return false;
    }
    if (url.username !== '' || url.password !== '') return false;
    if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
    return devOrigin !== null && url.origin === devOrigin;
  };
}
