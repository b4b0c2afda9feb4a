import { useId } from 'react';
import type { ReactElement } from 'react';

export interface SecretInputFieldProps {
  label: string;
  description: string;
  onChange: (value: string) => void;
  error: string | undefined;
  autoFocus?: boolean;
}

/**
 * A password field for the API key, uncontrolled on purpose: a controlled React input mirrors
 * its value into the `value` attribute, which would put the typed key into the page's markup.
 * To empty it, the caller remounts it (a new `key`).
 */
export function SecretInputField(props: SecretInputFieldProps): ReactElement {
  const id = useId();
  const invalid = props.error !== undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-input`}>
        {props.label}
      </label>
      <input
        id={`${id}-input`}
        className="input input--wide"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoFocus={props.autoFocus}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-description ${id}-error` : `${id}-description`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <span id={`${id}-description`} className="field__hint">
        {props.description}
      </span>
      {invalid ? (
        <span id={`${id}-error`} className="field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
