import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { plural } from '../../../../shared/wording';

/** Asks before cancelling, and says what was already sent (it stays sent). */
export function CancelDialog({
  sent,
  onConfirm,
}: {
  sent: number;
  onConfirm: () => void;
}): ReactElement {
  return (
    <ConfirmDialog
      trigger={<Button className="button button--danger">Cancel</Button>}
      title="Cancel the import?"
      cancelLabel="Keep importing"
      confirmLabel="Cancel import"
      onConfirm={onConfirm}
    >
      <p>
        {sent === 0
          ? 'No event has been sent yet.'
          : `${plural(sent, 'event')} ${sent === 1 ? 'was' : 'were'} already sent to Customerscore and stay there.`}{' '}
        The rest of the file will not be sent. To send it later, start a new import.
      </p>
    </ConfirmDialog>
  );
}
