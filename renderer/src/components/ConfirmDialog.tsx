import type { ReactElement, ReactNode } from 'react';
import { Button, DialogTrigger, Heading } from 'react-aria-components';
import { ModalDialog } from './ModalDialog';

export interface ConfirmDialogProps {
  /** The button that opens the dialog (and gets the focus back when it closes). */
  trigger: ReactElement;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  /** The safe choice, focused first; "Cancel" unless said otherwise. */
  cancelLabel?: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/**
 * Asks before something that cannot be undone: an alert dialog that names what will happen,
 * with the safe choice focused first. Escape chooses it too.
 */
export function ConfirmDialog(props: ConfirmDialogProps): ReactElement {
  return (
    <DialogTrigger>
      {props.trigger}
      <ModalDialog role="alertdialog">
        {({ close }) => (
          <>
            <Heading slot="title" className="section-title">
              {props.title}
            </Heading>
            <div className="dialog__body">{props.children}</div>
            <div className="dialog__actions">
              <Button className="button" onPress={close} autoFocus>
                {props.cancelLabel ?? 'Cancel'}
              </Button>
              <Button
                className="button button--danger"
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
      </ModalDialog>
    </DialogTrigger>
  );
}
