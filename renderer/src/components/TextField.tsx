import type { ReactElement, ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** One line under the field: what to enter, where to find it. Linked to the field. */
  description?: ReactNode;
  /** Shown under the field, and the field marked invalid, while set. */
  error?: string | null | undefined;
  placeholder?: string;
  type?: 'text' | 'url';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url';
  autoFocus?: boolean;
  /** `wide` for addresses and names, `narrow` for a number; the usual width otherwise. */
  width?: 'wide' | 'narrow';
  /** For keys and codes, where every character counts. */
  mono?: boolean;
  /** A small, quiet label, for a part of a group that has its own label (a fieldset's legend). */
  minorLabel?: boolean;
  /**
   * The id of an element elsewhere that shows `error` (fields side by side share one line of
   * errors below them); the field is then described by it instead of showing the error itself.
   */
  errorElsewhere?: string;
}

/** A labelled text field with its description and inline error (react-aria's TextField). */
export function TextField(props: TextFieldProps): ReactElement {
  const { label, description, type = 'text' } = props;
  const error = props.error ?? undefined;
  const inputClasses = [
    'input',
    props.width ? `input--${props.width}` : '',
    props.mono ? 'input--mono' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <AriaTextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      type={type}
      inputMode={props.inputMode}
      autoFocus={props.autoFocus ?? false}
      // Spell checkers and password managers have no business with keys, IDs and addresses.
      spellCheck="false"
      autoComplete="off"
      {...(props.errorElsewhere !== undefined && error !== undefined
        ? { 'aria-describedby': props.errorElsewhere }
        : {})}
    >
      <Label className={props.minorLabel ? 'field__label field__label--minor' : 'field__label'}>
        {label}
      </Label>
      <Input className={inputClasses} placeholder={props.placeholder} />
      {description === undefined ? null : (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      )}
      {props.errorElsewhere === undefined ? (
        <FieldError className="field__error">{error}</FieldError>
      ) : null}
    </AriaTextField>
  );
}
