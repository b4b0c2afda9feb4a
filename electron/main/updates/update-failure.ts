// Why a check or a download of an update failed, as one sentence for the Settings screen. The
// error itself (electron-updater's, with its code, or Node's network error) goes to the log only.

const LOG_HINT = 'Help > Open Log File shows the details';

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

const NO_FEED_CODES = new Set([
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
  'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
  'ERR_UPDATER_RELEASE_NOT_FOUND',
  'ERR_UPDATER_ASSET_NOT_FOUND',
]);

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function textOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The sentence for a failed `check` or `download`. */
export function updateFailureMessage(phase: 'check' | 'download', error: unknown): string {
  const code = codeOf(error);
  const text = textOf(error);
  if (
    NETWORK_CODES.has(code) ||
    /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NETWORK_CHANGED|CONNECTION_|TIMED_OUT|PROXY)/.test(
      text,
    )
  ) {
    return 'The update server could not be reached: check the internet connection, then click Check now.';
  }
  if (
    code === 'ERR_UPDATER_INVALID_SIGNATURE' ||
    /code signature|not signed by the application owner/i.test(text)
  ) {
    return 'The downloaded update is not signed by Customerscore, so it was not installed. Keep using this version and tell support@customerscore.io.';
  }
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/i.test(text)) {
    return 'The downloaded update was damaged on the way (its checksum does not match), so it was thrown away: click Check now to download it again.';
  }
  if (code === 'ENOSPC') {
    return 'There is not enough free disk space to download the update: free some space, then click Check now.';
  }
  if (NO_FEED_CODES.has(code) || /\b404\b/.test(text)) {
    return 'The update server has no update for this computer yet: try again later.';
  }
  return phase === 'check'
    ? `Checking for updates failed: click Check now to try again. ${LOG_HINT}.`
    : `Downloading the update failed: click Check now to try again. ${LOG_HINT}.`;
}
