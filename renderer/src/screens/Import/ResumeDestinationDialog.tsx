import type { ReactElement } from 'react';
import { Button, Heading } from 'react-aria-components';
import type { ImportDestination, InterruptedImport } from '../../../../shared/ipc-import';
import { ModalDialog } from '../../components/ModalDialog';

const named = (where: ImportDestination) => `tracker key ${where.trackerKey} at ${where.endpoint}`;

/** "CS-TEST1 at track.customerscore.com": short enough for a button (the body names it in full). */
function shortly(where: ImportDestination): string {
  let host = where.endpoint;
  try {
    host = new URL(where.endpoint).host;
  } catch {
    // Shown as it is.
  }
  return `${where.trackerKey} at ${host}`;
}

/**
 * The question a resume asks when an interrupted import's destination is not its profile's any
 * more (or its record names an address the app never sends to). Nothing has been sent; no choice
 * sends the profile's key to the recorded address, which may have been altered: the only way on
 * is a new import of the file to where the profile sends now, or pointing the profile back.
 */
export function ResumeDestinationDialog({
  job,
  onStartAgain,
  onClose,
}: {
  job: InterruptedImport;
  onStartAgain: () => void;
  onClose: () => void;
}): ReactElement {
  const { started, now, problem } = job.destination;
  const allowed = problem !== 'destination_not_allowed';
  return (
    <ModalDialog
      role="alertdialog"
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Heading slot="title" className="section-title">
        {allowed
          ? `${job.fileName} was started for another destination`
          : `${job.fileName} cannot be resumed`}
      </Heading>
      <div className="dialog__body">
        <dl className="im-destinations">
          <dt>This import was started for</dt>
          <dd>{named(started)}</dd>
          <dt>The profile now sends to</dt>
          <dd>{now ? named(now) : 'nowhere yet: it has no valid endpoint or tracker key'}</dd>
        </dl>
        {allowed ? (
          <p>
            Nothing was sent. The app sends the API key only where an import was started, and only
            while the profile still sends there. If you did not change the profile, the record of
            this import may have been altered: do not point the profile at the address it names.
          </p>
        ) : (
          <p>
            Nothing was sent. The recorded address is not one the app sends to (https, or http only
            to this computer), so the app will not send the API key there: the record of this import
            may have been altered.
          </p>
        )}
        {now ? (
          <p>
            Starting again opens {job.fileName} with the same column matches as a new import: all
            its rows are checked, then sent where the profile sends now. The interrupted import
            stays in History.
          </p>
        ) : (
          <p>To send {job.fileName}, set the profile up in Settings, then start a new import.</p>
        )}
      </div>
      <div className="dialog__actions im-question-actions">
        <Button className="button" onPress={onClose} autoFocus>
          Not now
        </Button>
        {now && (
          <Button className="button button--primary im-start-again" onPress={onStartAgain}>
            Start {job.fileName} again for {shortly(now)}
          </Button>
        )}
      </div>
    </ModalDialog>
  );
}
