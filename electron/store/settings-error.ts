import { UserError } from '../../shared/user-error';

/** A settings change that was refused, with the reason in plain words (shown as it is). */
export class SettingsError extends UserError {
  override readonly name = 'SettingsError';

  constructor(message: string) {
    super('settings', message);
  }
}
