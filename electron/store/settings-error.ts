/** A settings change that was refused, with the reason in plain words (shown as it is). */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}
