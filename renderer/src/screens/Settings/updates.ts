import type { UpdateStatus } from '../../../../shared/ipc-updates';

// The Updates section's sentences: where the update stands, and why "Restart to update" waits.

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Where the update of this installation stands, in one sentence (or two). */
export function describeUpdate(status: UpdateStatus, timeZone?: string): string {
  const { state } = status;
  switch (state.kind) {
    case 'idle':
      return status.automatic
        ? 'Not checked yet: the app checks at start and once a day.'
        : 'Automatic checks are off: click Check now to look for an update.';
    case 'checking':
      return 'Checking for updates…';
    case 'upToDate': {
      const at = timeZone
        ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone })
        : when;
      return `Up to date: ${status.currentVersion} is the newest version (checked ${at.format(new Date(state.checkedAt))}).`;
    }
    case 'downloading':
      return `Downloading version ${state.version} in the background: ${state.percent}%.`;
    case 'ready':
      if (status.restartPending) {
        return `Version ${state.version} is downloaded. The app restarts to install it as soon as the import being sent ends or is paused.`;
      }
      if (status.importRunning) {
        return `Version ${state.version} is downloaded and installs when the app restarts.`;
      }
      return `Version ${state.version} is downloaded. Restart the app to install it, or it installs the next time you quit.`;
    case 'restarting':
      return `Restarting to install version ${state.version}…`;
    case 'failed':
    case 'unavailable':
      return state.message;
  }
}

/** Why "Restart to update" cannot be pressed now, or null when it can. */
export function restartBlockedReason(status: UpdateStatus): string | null {
  if (status.state.kind !== 'ready' || !status.importRunning) return null;
  return 'An import is being sent: restarting now would stop it. Wait until it ends, or pause it (it goes on after the restart).';
}
