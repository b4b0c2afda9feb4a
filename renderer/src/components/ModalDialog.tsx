import type { ReactElement } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import type { DialogProps } from 'react-aria-components';
import '../styles/dialog.css';

export interface ModalDialogProps {
  /** `alertdialog` for a question that interrupts (confirmations), `dialog` for a small form. */
  role?: 'dialog' | 'alertdialog';
  /** The content, or a function of `{ close }`. */
  children: DialogProps['children'];
}

/**
 * The frame of every dialog: the page dimmed behind it (a click outside or Escape closes it) and a
 * centred box. Place it in a DialogTrigger after its trigger, which gets the focus back on close.
 */
export function ModalDialog({ role = 'dialog', children }: ModalDialogProps): ReactElement {
  return (
    <ModalOverlay className="modal-overlay" isDismissable>
      <Modal className="modal">
        <Dialog role={role} className="dialog">
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
