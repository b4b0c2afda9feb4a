import type { ReactElement, ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ConfirmButtonProps {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isDisabled?: boolean;
}

/** A button that asks first, in an alert dialog with Cancel focused; Escape cancels. */
export function ConfirmButton(props: ConfirmButtonProps): ReactElement {
  return (
    <DialogTrigger>
      <Button className="se-button se-button--danger" isDisabled={props.isDisabled}>
        {props.label}
      </Button>
      <ModalOverlay className="se-modal-overlay" isDismissable>
        <Modal className="se-modal">
          <Dialog role="alertdialog" className="se-dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="se-dialog__title">
                  {props.title}
                </Heading>
                <div className="se-dialog__body">{props.children}</div>
                <div className="se-dialog__actions">
                  <Button className="se-button" onPress={close} autoFocus>
                    Cancel
                  </Button>
                  <Button
                    className="se-button se-button--danger"
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
