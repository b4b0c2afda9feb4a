import type { ReactElement } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface TextInputFieldProps {
  label: string;
  /** One line under the field: what to enter, where to find it. */
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field, and the field marked invalid, while set. */
  error?: string | undefined;
  type?: 'text' | 'url';
  autoFocus?: boolean;
  className?: string;
  inputClassName?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  /**
   * The id of an element elsewhere that shows `error` (fields side by side share one line of
   * errors below them); the field is then described by it instead of showing the error itself.
   */
  errorElsewhere?: string;
}

/** A labelled text field with its description and inline error (react-aria's TextField). */
export function TextInputField(props: TextInputFieldProps): ReactElement {
  const { label, description, error, type = 'text' } = props;
  return (
    <TextField
      className={`st-field ${props.className ?? ''}`.trim()}
      value={props.value}
      onChange={props.onChange}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      type={type}
      autoFocus={props.autoFocus ?? false}
      // Spell checkers and password managers have no business with keys and addresses.
      spellCheck="false"
      autoComplete="off"
      {...(props.errorElsewhere !== undefined && error !== undefined
        ? { 'aria-describedby': props.errorElsewhere }
        : {})}
    >
      <Label className="st-field__label">{label}</Label>
      <Input
        className={`st-field__input ${props.inputClassName ?? ''}`.trim()}
        inputMode={props.inputMode}
      />
      {description === undefined ? null : (
        <Text slot="description" className="st-field__description">
          {description}
        </Text>
      )}
      {props.errorElsewhere === undefined ? (
        <FieldError className="st-field__error">{error}</FieldError>
      ) : null}
    </TextField>
  );
}
