import type { ReactElement } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { plural } from './words';

/** Asks before cancelling, and says what was already sent (it stays sent). */
export function CancelDialog({
  sent,
  onConfirm,
}: {
  sent: number;
  onConfirm: () => void;
}): ReactElement {
  return (
    <DialogTrigger>
      <Button className="im-button im-button--danger">Cancel</Button>
      <ModalOverlay className="im-modal-overlay" isDismissable>
        <Modal className="im-modal">
          <Dialog role="alertdialog" className="im-dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="im-dialog__title">
                  Cancel the import?
                </Heading>
                <p>
                  {sent === 0
                    ? 'No event has been sent yet.'
                    : `${plural(sent, 'event')} ${sent === 1 ? 'was' : 'were'} already sent to Customerscore and stay there.`}{' '}
                  The rest of the file will not be sent. To send it later, start a new import.
                </p>
                <div className="im-dialog__actions">
                  <Button className="im-button" onPress={close} autoFocus>
                    Keep importing
                  </Button>
                  <Button
                    className="im-button im-button--danger"
                    onPress={() => {
                      close();
                      onConfirm();
                    }}
                  >
                    Cancel import
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
