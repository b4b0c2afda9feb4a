import type { FormEvent, ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SecretInputField } from './SecretInputField';
import { describeKeyStatus } from './useApiKeyForm';
import type { ApiKeyForm } from './useApiKeyForm';

/** The profile's API key: its status, and set / replace / delete. The key itself is never shown. */
export function ApiKeyPanel({
  form,
  profileName,
}: {
  form: ApiKeyForm;
  profileName: string;
}): ReactElement {
  const { status } = form;
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void form.save();
  }
  return (
    <div className="st-api-key">
      <p className="st-api-key__status">
        <span className="st-api-key__status-label">Status: </span>
        <strong data-testid="api-key-status">{describeKeyStatus(status)}</strong>
      </p>
      {status?.state === 'unavailable' ? (
        <p className="notice notice--warning" role="alert">
          {status.message}
        </p>
      ) : null}
      {form.editing ? (
        <form className="st-api-key__form" onSubmit={submit} noValidate>
          <SecretInputField
            key={form.fieldVersion}
            label={status?.state === 'set' ? 'New API key' : 'API key'}
            description="Paste the key from the API settings of your Customerscore app."
            onChange={form.type}
            error={form.error}
            // Replace was pressed, or the key was just deleted: the field is where work goes on.
            autoFocus={status?.state === 'set' || form.outcome?.ok === true}
          />
          <div className="actions">
            <Button type="submit" className="button button--primary" isDisabled={!form.canSave}>
              Save key
            </Button>
            {status?.state === 'set' ? (
              <Button className="button" onPress={form.cancelReplacing}>
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      ) : (
        <div className="actions">
          <Button
            className="button"
            onPress={form.startReplacing}
            isDisabled={form.busy}
            // Just saved: the field that had the focus is gone, the next action is here.
            autoFocus={form.outcome?.ok === true}
          >
            Replace
          </Button>
          <ConfirmDialog
            trigger={
              <Button className="button button--danger" isDisabled={form.busy}>
                Delete key
              </Button>
            }
            title={`Delete the API key of "${profileName}"?`}
            confirmLabel="Delete key"
            onConfirm={() => void form.remove()}
          >
            <p>
              It is removed from this computer&apos;s keychain. To send again with this profile,
              paste the key again.
            </p>
          </ConfirmDialog>
        </div>
      )}
      <p className={form.outcome?.ok === false ? 'text-error' : 'text-success'} role="status">
        {form.outcome?.message ?? ''}
      </p>
    </div>
  );
}
