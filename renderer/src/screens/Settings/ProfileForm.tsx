import type { FormEvent, ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { TRACK_API_DEFAULT_ENDPOINT } from '../../../../shared/api';
import { DEFAULT_RATE_LIMIT } from '../../../../shared/settings';
import type { ProfileForm as ProfileFormState } from './useProfileForm';
import { TextField } from '../../components/TextField';

/** The active profile's connection: tracker key, endpoint and rate limit, saved together. */
export function ProfileForm({ form }: { form: ProfileFormState }): ReactElement {
  const { values, check } = form;
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void form.save();
  }
  return (
    <form className="st-profile-form" onSubmit={submit} noValidate>
      <TextField
        label="Tracker key"
        description="Your public tracker key, from your Customerscore app settings (e.g. CS-ABCD1)."
        value={values.trackerKey}
        onChange={(value) => form.set('trackerKey', value)}
        error={check.errors.trackerKey}
      />
      <TextField
        label="Endpoint"
        description={`Where events are sent. Normally ${TRACK_API_DEFAULT_ENDPOINT}`}
        value={values.endpoint}
        onChange={(value) => form.set('endpoint', value)}
        error={check.errors.endpoint}
        type="url"
        inputMode="url"
        width="wide"
      />
      <fieldset className="st-rate-limit">
        <legend className="field__label">Rate limit</legend>
        <div className="st-rate-limit__row">
          <TextField
            label="Requests"
            value={values.requests}
            onChange={(value) => form.set('requests', value)}
            error={check.errors.requests}
            errorElsewhere="st-rate-requests-error"
            inputMode="numeric"
            width="narrow"
            minorLabel
          />
          <span className="st-rate-limit__per" aria-hidden="true">
            per
          </span>
          <TextField
            label="Seconds"
            value={values.perSeconds}
            onChange={(value) => form.set('perSeconds', value)}
            error={check.errors.perSeconds}
            errorElsewhere="st-rate-seconds-error"
            inputMode="numeric"
            width="narrow"
            minorLabel
          />
        </div>
        {check.errors.requests === undefined ? null : (
          <p id="st-rate-requests-error" className="field__error">
            {check.errors.requests}
          </p>
        )}
        {check.errors.perSeconds === undefined ? null : (
          <p id="st-rate-seconds-error" className="field__error">
            {check.errors.perSeconds}
          </p>
        )}
        <p className="field__hint">
          The API allows {DEFAULT_RATE_LIMIT.requests} requests per {DEFAULT_RATE_LIMIT.perSeconds}{' '}
          seconds. Lower it if other tools send with the same key.
        </p>
      </fieldset>
      <div className="actions">
        <Button type="submit" className="button button--primary" isDisabled={!form.canSave}>
          {form.saving ? 'Saving…' : 'Save'}
        </Button>
        <p className={form.outcome?.ok === false ? 'text-error' : 'text-success'} role="status">
          {form.outcome?.message ?? ''}
        </p>
      </div>
    </form>
  );
}
