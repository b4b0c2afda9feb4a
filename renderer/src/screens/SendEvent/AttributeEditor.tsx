import { useEffect, useRef } from 'react';
import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { attributeTypeSchema, type AttributeType } from '../../../../shared/attribute-type';
import { SelectField } from '../../components/SelectField';
import type { BuilderIssue } from './builder-check';
import type { AttributeEditorKind, EditorAttribute } from './builder-model';

export interface AttributeEditorProps {
  kind: AttributeEditorKind;
  rows: EditorAttribute[];
  /** This editor's problems (row index and part), already filtered to those to show. */
  issues: Extract<BuilderIssue, { kind: 'attribute' }>[];
  onAdd: () => string;
  onChange: (id: string, patch: Partial<EditorAttribute>) => void;
  onTypeChange: (id: string, type: AttributeType) => void;
  onRemove: (id: string) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onBlurRow: (row: number) => void;
}

const typeLabels: Record<AttributeType, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'True/false',
};

const typeOptions = attributeTypeSchema.options.map((type) => ({
  value: type,
  label: typeLabels[type],
}));
const booleanOptions = [
  { value: 'true', label: 'true' },
  { value: 'false', label: 'false' },
];

const titles = { customer: 'Customer attributes', contact: 'Contact attributes' } as const;

/**
 * A key/value editor: rows of name, type and value that can be added, removed and moved with
 * the keyboard. Focus follows a moved row, and goes somewhere sensible after a removal.
 */
export function AttributeEditor(props: AttributeEditorProps): ReactElement {
  const { kind, rows } = props;
  const singular = kind === 'customer' ? 'customer attribute' : 'contact attribute';
  // The element to focus once the rows have re-rendered (set by add, move and remove).
  const focusTarget = useRef<string | null>(null);
  const setFocusTarget = (id: string) => {
    focusTarget.current = id;
  };
  const domId = (id: string, part: string) => `se-attr-${id}-${part}`;
  const addId = `se-attr-add-${kind}`;

  useEffect(() => {
    if (focusTarget.current === null) return;
    const element = document.getElementById(focusTarget.current);
    if (element instanceof HTMLElement && !element.hasAttribute('disabled')) element.focus();
    focusTarget.current = null;
  }, [rows]);

  const move = (id: string, index: number, delta: -1 | 1) => {
    props.onMove(id, delta);
    const to = index + delta;
    const atEdge = to === 0 || to === rows.length - 1;
    // At the top "Move up" is disabled, so the focus goes to the row's other move button.
    const part = atEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    setFocusTarget(domId(id, rows.length === 1 ? 'name' : part));
  };

  const remove = (id: string, index: number) => {
    props.onRemove(id);
    const next = rows[index + 1] ?? rows[index - 1];
    setFocusTarget(next ? domId(next.id, 'name') : addId);
  };

  return (
    <fieldset className="se-attrs">
      <legend className="se-attrs__legend">{titles[kind]}</legend>
      {rows.length === 0 ? (
        <p className="text-muted text-small">
          None yet. Attributes update what Customerscore knows about the {kind}.
        </p>
      ) : (
        <ol className="se-attrs__list">
          {rows.map((row, index) => {
            const n = index + 1;
            const label = `${titles[kind].replace(/s$/, '')} ${n}`;
            const rowIssues = props.issues.filter((issue) => issue.row === index);
            const keyIssue = rowIssues.find((issue) => issue.part === 'key');
            const valueIssue = rowIssues.find((issue) => issue.part === 'value');
            const errorId = domId(row.id, 'error');
            return (
              <li key={row.id} className="se-attrs__row" onBlur={() => props.onBlurRow(index)}>
                <input
                  id={domId(row.id, 'name')}
                  className="input input--fill input--mono"
                  aria-label={`${label} name`}
                  placeholder="name"
                  value={row.key}
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={keyIssue ? true : undefined}
                  aria-describedby={keyIssue ? errorId : undefined}
                  onChange={(event) => props.onChange(row.id, { key: event.target.value })}
                />
                <SelectField
                  label={`${label} type`}
                  labelHidden
                  width="auto"
                  value={row.type}
                  options={typeOptions}
                  onChange={(type) => props.onTypeChange(row.id, type)}
                />
                {row.type === 'boolean' ? (
                  <SelectField
                    label={`${label} value`}
                    labelHidden
                    width="fill"
                    value={row.value === 'false' ? 'false' : 'true'}
                    options={booleanOptions}
                    onChange={(value) => props.onChange(row.id, { value })}
                  />
                ) : (
                  <input
                    className="input input--fill"
                    aria-label={`${label} value`}
                    placeholder={row.type === 'number' ? 'e.g. 42' : 'value'}
                    inputMode={row.type === 'number' ? 'decimal' : undefined}
                    value={row.value}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={valueIssue ? true : undefined}
                    aria-describedby={valueIssue ? errorId : undefined}
                    onChange={(event) => props.onChange(row.id, { value: event.target.value })}
                  />
                )}
                <span className="se-attrs__actions">
                  <Button
                    id={domId(row.id, 'up')}
                    className="button button--quiet button--icon"
                    aria-label={`Move ${singular} ${n} up`}
                    isDisabled={index === 0}
                    onPress={() => move(row.id, index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    id={domId(row.id, 'down')}
                    className="button button--quiet button--icon"
                    aria-label={`Move ${singular} ${n} down`}
                    isDisabled={index === rows.length - 1}
                    onPress={() => move(row.id, index, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    className="button button--quiet button--icon button--danger"
                    aria-label={`Remove ${singular} ${n}`}
                    onPress={() => remove(row.id, index)}
                  >
                    ×
                  </Button>
                </span>
                {keyIssue || valueIssue ? (
                  <p id={errorId} className="field__error se-attrs__error">
                    {[keyIssue?.message, valueIssue?.message].filter(Boolean).join(' ')}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Button
        id={addId}
        className="button button--small"
        onPress={() => setFocusTarget(domId(props.onAdd(), 'name'))}
      >
        Add {singular}
      </Button>
    </fieldset>
  );
}
