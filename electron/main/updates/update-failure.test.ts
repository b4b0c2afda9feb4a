import { describe, expect, it } from 'vitest';
import { codedError } from '../../dev/scripted-updater';
import { updateFailureMessage } from './update-failure';

describe('why an update failed, in a sentence', () => {
  it('names a missing connection, a bad signature, a full disk and a feed without this platform', () => {
    expect(updateFailureMessage('check', new Error('net::ERR_INTERNET_DISCONNECTED'))).toMatch(
      /^The update server could not be reached: check the internet connection/,
    );
    expect(
      updateFailureMessage(
        'download',
        codedError(
          'New version 0.2.0 is not signed by the application owner: publisherNames: Customerscore GmbH',
          'ERR_UPDATER_INVALID_SIGNATURE',
        ),
      ),
    ).toBe(
      'The downloaded update is not signed by Customerscore, so it was not installed. Keep using this version and tell support@customerscore.io.',
    );
    expect(updateFailureMessage('download', codedError('no space left', 'ENOSPC'))).toMatch(
      /not enough free disk space/,
    );
    expect(
      updateFailureMessage(
        'check',
        codedError(
          'Cannot find latest-mac.yml in the latest release artifacts',
          'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
        ),
      ),
    ).toBe('The update server has no update for this computer yet: try again later.');
  });

  it('otherwise says which step failed and where the details are, never the raw error', () => {
    const message = updateFailureMessage('check', new Error('TypeError: x is undefined at y.js:1'));
    expect(message).toBe(
      'Checking for updates failed: click Check now to try again. Help > Open Log File shows the details.',
    );
  });
});
