import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { Button, DialogTrigger, Heading } from 'react-aria-components';
import { ModalDialog } from '../../components/ModalDialog';
import { TextField } from '../../components/TextField';

export interface ProfileNameDialogProps {
  trigger: ReactElement;
  title: string;
  fieldLabel: string;
  submitLabel: string;
  initialName: string;
  /** Why a name cannot be used, checked as the user types. */
  check: (name: string) => string | undefined;
  /** Saves the name; answers the refusal in words, or null when done (the dialog closes). */
  onSubmit: (name: string) => Promise<string | null>;
}

/** Asks for a profile name (create, rename) with inline validation; stays open on a refusal. */
export function ProfileNameDialog(props: ProfileNameDialogProps): ReactElement {
  const [isOpen, setOpen] = useState(false);
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      {props.trigger}
      <ModalDialog>
        {/* Mounted per opening, so each opening starts from the initial name. */}
        <NameForm {...props} close={() => setOpen(false)} />
      </ModalDialog>
    </DialogTrigger>
  );
}

function NameForm(props: ProfileNameDialogProps & { close: () => void }): ReactElement {
  const [name, setName] = useState(props.initialName);
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = props.check(name);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setTouched(true);
    if (problem !== undefined || busy) return;
    setBusy(true);
    const refused = await props.onSubmit(name.trim());
    setBusy(false);
    if (refused === null) props.close();
    else setRefusal(refused);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Heading slot="title" className="section-title">
        {props.title}
      </Heading>
      <div className="dialog__body">
        <TextField
          label={props.fieldLabel}
          value={name}
          onChange={(value) => {
            setName(value);
            setTouched(true);
            setRefusal(null);
          }}
          error={touched ? (problem ?? refusal ?? undefined) : undefined}
          autoFocus
        />
      </div>
      <div className="dialog__actions">
        <Button className="button" onPress={props.close}>
          Cancel
        </Button>
        <Button
          type="submit"
          className="button button--primary"
          isDisabled={busy || problem !== undefined}
        >
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
