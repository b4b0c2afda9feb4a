import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { describeDecimalMark } from '../../../../shared/decimal-detect';
import type { FilePreview, ReviewSummary } from '../../../../shared/ipc-import';
import type { AttributeType } from '../../../../shared/mapping';
import { SelectField } from '../../components/SelectField';
import type { AttributeDraft, AttributeOwner } from '../../mapping/mapping-draft';
import { decimalNote } from './decimal-note';
import { columnSamples, samplesText } from './samples';

const TYPES: readonly { value: AttributeType; label: string }[] = [
  { value: 'string', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes/No' },
];

const DECIMAL_MARKS: readonly { value: AttributeDraft['decimal']; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'point', label: describeDecimalMark('point', false) },
  { value: 'comma', label: describeDecimalMark('comma', false) },
];

export interface AttributeListProps {
  owner: AttributeOwner;
  list: readonly AttributeDraft[];
  /** The file: its columns, and the first rows for sample values. */
  file: FilePreview;
  /** The last check's summary: the decimal marks the main process decided from the whole file. */
  summary: ReviewSummary | null;
  /** Columns not used by anything yet. */
  unused: readonly string[];
  guessed: ReadonlySet<string>;
  problems: ReadonlyMap<number, string>;
  onChange: (list: AttributeDraft[], touched?: number) => void;
  onAdd: (columns: string[]) => void;
}

/**
 * Attributes of the customer or the contact: column -> key (renamable), read as a type, with a
 * few values of the chosen column as the event fields show them.
 */
export function AttributeList(props: AttributeListProps): ReactElement {
  const { owner, list } = props;
  const whose = owner === 'customer' ? 'customer' : 'contact';
  const columns = props.file.header.map((column) => ({ value: column, label: column }));
  const change = (id: number, patch: Partial<AttributeDraft>) =>
    props.onChange(
      list.map((a) => (a.id === id ? { ...a, ...patch } : a)),
      id,
    );

  return (
    <section className="im-panel" aria-labelledby={`im-${owner}-attributes`}>
      <h3 id={`im-${owner}-attributes`} className="section-subtitle">
        {owner === 'customer' ? 'Customer attributes' : 'Contact attributes'}
      </h3>
      {list.length === 0 && (
        <p className="text-muted">
          None: events carry no {whose} attributes. Add columns such as a plan or an email address.
        </p>
      )}
      <div className="im-attributes">
        {list.map((a) => {
          const problem = props.problems.get(a.id);
          return (
            <div key={a.id}>
              <div className="im-attribute">
                <SelectField
                  id={`im-attr-col-${a.id}`}
                  label="Column"
                  minorLabel
                  width="fill"
                  value={a.column}
                  options={columns}
                  describedBy={`im-attr-samples-${a.id}`}
                  onChange={(column) => change(a.id, { column })}
                />
                <div className="field">
                  <label className="field__label--minor" htmlFor={`im-attr-key-${a.id}`}>
                    Attribute key
                  </label>
                  <input
                    id={`im-attr-key-${a.id}`}
                    className="input input--fill"
                    value={a.key}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `im-attr-problem-${a.id}` : undefined}
                    onChange={(event) => change(a.id, { key: event.target.value })}
                  />
                </div>
                <SelectField
                  id={`im-attr-type-${a.id}`}
                  label="Read as"
                  minorLabel
                  width="fill"
                  value={a.type}
                  options={TYPES}
                  onChange={(type) => change(a.id, { type })}
                />
                <Button
                  className="button"
                  aria-label={`Remove ${whose} attribute ${a.key || a.column}`}
                  onPress={() => props.onChange(list.filter((x) => x.id !== a.id))}
                >
                  Remove
                </Button>
              </div>
              <p id={`im-attr-samples-${a.id}`} className="im-samples">
                {samplesText(columnSamples(props.file, a.column))}
              </p>
              {a.type === 'number' && (
                <div className="im-decimal">
                  <SelectField
                    id={`im-attr-decimal-${a.id}`}
                    label="Decimal mark"
                    minorLabel
                    width="auto"
                    value={a.decimal}
                    options={DECIMAL_MARKS}
                    description={decimalNote(a, owner, props.file, props.summary) ?? undefined}
                    onChange={(decimal) => change(a.id, { decimal })}
                  />
                </div>
              )}
              {props.guessed.has(`attr-${a.id}`) && (
                <span className="badge badge--info">Guessed from the column name</span>
              )}
              {problem && (
                <p id={`im-attr-problem-${a.id}`} className="field__error">
                  {problem}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="im-row">
        <Button
          className="button"
          isDisabled={props.unused.length === 0}
          onPress={() => props.onAdd(props.unused.slice(0, 1))}
        >
          Add a {whose} attribute
        </Button>
        <Button
          className="button"
          isDisabled={props.unused.length === 0}
          onPress={() => props.onAdd([...props.unused])}
        >
          Add all remaining columns as {whose} attributes
        </Button>
      </div>
    </section>
  );
}
