import type { ReactElement, ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ConfirmDialogProps {
  /** The button that opens the dialog (and gets the focus back when it closes). */
  trigger: ReactElement;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
}

/**
 * Asks before something that cannot be undone: an alert dialog that names what will happen,
 * with the safe choice (Cancel) focused first. Escape cancels.
 */
export function ConfirmDialog(props: ConfirmDialogProps): ReactElement {
  return (
    <DialogTrigger>
      {props.trigger}
      <ModalOverlay className="st-modal-overlay" isDismissable>
        <Modal className="st-modal">
          <Dialog role="alertdialog" className="st-dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="st-dialog__title">
                  {props.title}
                </Heading>
                <div className="st-dialog__body">{props.children}</div>
                <div className="st-dialog__actions">
                  <Button className="st-button" onPress={close} autoFocus>
                    Cancel
                  </Button>
                  <Button
                    className="st-button st-button--danger"
                    onPress={() => {
                      close();
                      props.onConfirm();
                    }}
                  >
                    {props.confirmLabel}
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
