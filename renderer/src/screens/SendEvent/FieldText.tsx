import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';

export interface FieldTextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Shown under the field, linked to it for screen readers. */
  description?: ReactNode;
  /** The problem to show, or null. */
  error?: string | null;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  wide?: boolean;
  mono?: boolean;
}

/** A labelled text input with its hint and its problem in plain words. */
export function FieldText(props: FieldTextProps): ReactElement {
  const id = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [props.description ? descriptionId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const classes = [
    'se-input',
    props.wide ? 'se-input--wide' : '',
    props.mono ? 'se-input--mono' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="se-field">
      <label className="se-field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className={classes}
        type="text"
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      {props.description ? (
        <p id={descriptionId} className="se-field__description">
          {props.description}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="se-field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
