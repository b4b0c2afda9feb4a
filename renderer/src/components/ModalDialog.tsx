import type { ReactElement } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';
import type { DialogProps } from 'react-aria-components';
import '../styles/dialog.css';

export interface ModalDialogProps {
  /** `alertdialog` for a question that interrupts (confirmations), `dialog` for a small form. */
  role?: 'dialog' | 'alertdialog';
  /** The content, or a function of `{ close }`. */
  children: DialogProps['children'];
  /**
   * For a dialog the app opens itself (a question after a refusal), not a trigger: whether it is
   * open, and what closing it (Escape, a click outside, `close`) does.
   */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
}

/**
 * The frame of every dialog: the page dimmed behind it (a click outside or Escape closes it) and a
 * centred box. Place it in a DialogTrigger after its trigger, which gets the focus back on close.
 */
export function ModalDialog({
  role = 'dialog',
  children,
  isOpen,
  onOpenChange,
}: ModalDialogProps): ReactElement {
  const controlled = isOpen === undefined ? {} : { isOpen, onOpenChange };
  return (
    <ModalOverlay className="modal-overlay" isDismissable {...controlled}>
      <Modal className="modal">
        <Dialog role={role} className="dialog">
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
