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
    <div className="st-field">
      <label className="st-field__label" htmlFor={`${id}-input`}>
        {props.label}
      </label>
      <input
        id={`${id}-input`}
        className="st-field__input st-field__input--wide"
        type="password"
        autoComplete="off"
        spellCheck={false}
        autoFocus={props.autoFocus}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-description ${id}-error` : `${id}-description`}
        data-invalid={invalid ? '' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <span id={`${id}-description`} className="st-field__description">
        {props.description}
      </span>
      {invalid ? (
        <span id={`${id}-error`} className="st-field__error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
