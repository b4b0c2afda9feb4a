import type { ReactElement, ReactNode } from 'react';
import type { FilePreview } from '../../../../shared/ipc-import';
import { SelectField } from '../../components/SelectField';
import type { SourceDraft } from '../../mapping/mapping-draft';
import { columnSamples, samplesText } from './samples';

export interface TargetFieldProps {
  id: string;
  label: string;
  required: boolean;
  source: SourceDraft;
  file: FilePreview;
  guessed: boolean;
  /** Spans the whole row (the timestamp, with its settings). */
  wide?: boolean;
  problem: string | null;
  onChange: (source: SourceDraft) => void;
  children?: ReactNode;
}

// Not column names: a file's header never holds a NUL.
const NONE = '\u0000none';
const FIXED = '\u0000fixed';

/**
 * One event field: a list of the file's columns (with a value of each), or a fixed value typed in.
 * A proposal of auto-match is marked as a guess until changed.
 */
export function TargetField(props: TargetFieldProps): ReactElement {
  const { id, label, source, file } = props;
  const selected =
    source.kind === 'column' ? source.column : source.kind === 'value' ? FIXED : NONE;
  const described = [`${id}-samples`, props.guessed ? `${id}-guess` : null]
    .filter(Boolean)
    .join(' ');
  const samples = source.kind === 'column' ? columnSamples(file, source.column) : [];
  const options = [
    { value: NONE, label: props.required ? 'Choose a column…' : 'None' },
    ...file.header.map((column) => ({ value: column, label: column })),
    { value: FIXED, label: 'The same fixed value for every row…' },
  ];

  return (
    <div
      className={`card card--compact${props.guessed ? ' im-target--guess' : ''}${props.wide ? ' im-target--wide' : ''}`}
    >
      <SelectField
        id={id}
        label={label}
        besideLabel={
          <>
            {!props.required && <span className="text-muted text-small">optional</span>}
            {props.guessed && (
              <span id={`${id}-guess`} className="badge badge--info">
                Guessed from the column name
              </span>
            )}
          </>
        }
        value={selected}
        options={options}
        describedBy={described}
        error={props.problem}
        errorElsewhere={`${id}-problem`}
        onChange={(value) => {
          if (value === NONE) props.onChange({ kind: 'none' });
          else if (value === FIXED) props.onChange({ kind: 'value', value: '' });
          else props.onChange({ kind: 'column', column: value });
        }}
      />
      {source.kind === 'value' && (
        <input
          className="input"
          aria-label={`Fixed ${label.toLowerCase()} for every row`}
          placeholder="Type the value"
          value={source.value}
          onChange={(event) => props.onChange({ kind: 'value', value: event.target.value })}
        />
      )}
      <p id={`${id}-samples`} className="im-samples">
        {source.kind === 'column'
          ? samplesText(samples)
          : source.kind === 'value'
            ? 'Every event gets this value.'
            : props.required
              ? 'Not chosen yet.'
              : 'Events are sent without it.'}
      </p>
      {props.children}
      {props.problem && (
        <p id={`${id}-problem`} className="field__error">
          {props.problem}
        </p>
      )}
    </div>
  );
}
