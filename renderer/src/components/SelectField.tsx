import type { ReactElement, ReactNode } from 'react';
import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  Text,
} from 'react-aria-components';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  label: string;
  /** Named for assistive technology only, where the row around it says what it is. */
  labelHidden?: boolean;
  /** A small, quiet label, for a part of a group that has its own label. */
  minorLabel?: boolean;
  /** The label beside the field, in a row of buttons, instead of above it. */
  inline?: boolean;
  /** Beside the label: "optional", a badge. */
  besideLabel?: ReactNode;
  value: V | null;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  /** Shown while `value` is null. */
  placeholder?: string;
  /** One line under the field. Linked to the field. */
  description?: ReactNode;
  /** Shown under the field, and the field marked invalid, while set. */
  error?: string | null | undefined;
  /**
   * The id of an element elsewhere that shows `error` (below what belongs to the field); the field
   * is then described by it instead of showing the error itself.
   */
  errorElsewhere?: string;
  /** Ids of elements elsewhere that describe the field (sample values, a badge). */
  describedBy?: string;
  isDisabled?: boolean;
  /** `fill` takes the width it is given; `auto` is as wide as its value; the usual width otherwise. */
  width?: 'fill' | 'auto';
  id?: string;
}

/**
 * A labelled choice from a list, with its description and inline error (react-aria's Select):
 * a button drawn as a field, that opens the list of options.
 */
export function SelectField<V extends string>(props: SelectFieldProps<V>): ReactElement {
  const error = props.error ?? undefined;
  const labelClass = props.minorLabel ? 'field__label field__label--minor' : 'field__label';
  const label = props.labelHidden ? null : <Label className={labelClass}>{props.label}</Label>;
  const describedBy = [
    props.describedBy,
    error !== undefined ? props.errorElsewhere : undefined,
  ].filter((id) => id !== undefined && id !== '');
  return (
    <Select
      className={props.inline ? 'field field--inline' : 'field'}
      id={props.id}
      value={props.value}
      onChange={(key) => {
        const chosen = props.options.find((option) => option.value === key);
        if (chosen) props.onChange(chosen.value);
      }}
      placeholder={props.placeholder}
      isDisabled={props.isDisabled ?? false}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      {...(props.labelHidden ? { 'aria-label': props.label } : {})}
      {...(describedBy.length === 0 ? {} : { 'aria-describedby': describedBy.join(' ') })}
    >
      {props.besideLabel === undefined ? (
        label
      ) : (
        <div className="field__label-row">
          {label}
          {props.besideLabel}
        </div>
      )}
      <Button className={props.width ? `input input--${props.width} select` : 'input select'}>
        {props.width === 'auto' ? (
          // As wide as its longest option, as a native select is, so a choice never moves the row.
          <span className="select__sizer">
            <SelectValue className="select__value" />
            {props.options.map((option) => (
              <span key={option.value} className="select__size" aria-hidden="true">
                {option.label}
              </span>
            ))}
          </span>
        ) : (
          <SelectValue className="select__value" />
        )}
        <span className="select__chevron" aria-hidden="true">
          ▾
        </span>
      </Button>
      {props.description === undefined ? null : (
        <Text slot="description" className="field__hint">
          {props.description}
        </Text>
      )}
      {props.errorElsewhere === undefined ? (
        <FieldError className="field__error">{error}</FieldError>
      ) : null}
      <Popover className="select__popover">
        <ListBox className="select__list" items={props.options}>
          {(option) => (
            <ListBoxItem id={option.value} className="select__option" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
