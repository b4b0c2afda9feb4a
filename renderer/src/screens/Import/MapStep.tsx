import type { ReactElement } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import {
  applyRecentMapping,
  goTo,
  loadMapping,
  saveMapping,
  updateDraft,
  validate,
} from '../../api/import-actions';
import type { OpenFile, WizardState } from '../../api/import-wizard-store';
import { AttributeList } from './AttributeList';
import {
  TARGETS,
  unusedColumns,
  withAttributes,
  type AttributeOwner,
  type MappingDraft,
} from '../../mapping/mapping-draft';
import { TargetField } from './TargetField';
import { TimestampSettings } from './TimestampSettings';

// The timestamp comes last, across the whole width: it carries its format, zone and readings.
const SHOWN_TARGETS = [
  ...TARGETS.filter((t) => t.field !== 'timestamp'),
  ...TARGETS.filter((t) => t.field === 'timestamp'),
];

function problemsOf(state: WizardState) {
  const fields = new Map<string, string>();
  const attributes = new Map<number, string>();
  for (const problem of state.mappingProblems) {
    const [head, id] = problem.field.split('.');
    const field = head ?? '';
    if ((field === 'customerData' || field === 'contactData') && id && /^\d+$/.test(id)) {
      attributes.set(Number(id), problem.message);
    } else if (!fields.has(field)) fields.set(field, problem.message);
  }
  return { fields, attributes };
}

/** Step 2: which column is what, with samples, guesses marked, and the timestamp's reading shown. */
export function MapStep({ state, open }: { state: WizardState; open: OpenFile }): ReactElement {
  const { draft, guessed } = state;
  const { file } = open;
  const samples = file.sampleRows.map((row) => row.cells);
  const unused = unusedColumns(draft, file.header);
  const problems = problemsOf(state);
  const shownFields = new Set(TARGETS.map((t) => t.field as string));
  const otherProblems = state.mappingProblems.filter(
    (p) =>
      !shownFields.has(p.field.split('.')[0] ?? '') &&
      !/^(customer|contact)Data\.\d+$/.test(p.field),
  );

  const addAttributes = (owner: AttributeOwner, columns: string[]) =>
    updateDraft((d) => withAttributes(d, owner, columns, file.header, samples));
  const setList =
    (owner: AttributeOwner) => (list: MappingDraft['customerData'], touched?: number) =>
      updateDraft(
        (d) => (owner === 'customer' ? { ...d, customerData: list } : { ...d, contactData: list }),
        touched === undefined ? undefined : `attr-${touched}`,
      );

  return (
    <section className="im-panel im-panel--wide" aria-labelledby="im-map-heading">
      <h2 id="im-map-heading" className="section-title">
        Match the columns of {file.fileName}
      </h2>
      {open.recent && (
        <div className="notice notice--row">
          <p className="notice__text">
            You imported {open.recent.fileName} with the same columns before. Use that mapping
            again?
          </p>
          <Button className="button" onPress={applyRecentMapping}>
            Use the mapping from last time
          </Button>
        </div>
      )}
      {guessed.size > 0 && (
        <p className="text-muted">
          The app matched some columns by their names. Fields marked “Guessed from the column name”
          are suggestions: check them.
        </p>
      )}
      {state.mappingNote && (
        <p
          role={state.mappingNote.tone === 'error' ? 'alert' : 'status'}
          className={state.mappingNote.tone === 'error' ? 'notice notice--error' : 'notice'}
        >
          {state.mappingNote.text}
        </p>
      )}
      <div className="im-targets">
        {SHOWN_TARGETS.map(({ field, label, required }) => (
          <TargetField
            key={field}
            id={`im-target-${field}`}
            wide={field === 'timestamp'}
            label={label}
            required={required}
            source={draft[field]}
            file={file}
            guessed={guessed.has(field)}
            problem={problems.fields.get(field) ?? null}
            onChange={(source) => updateDraft((d) => ({ ...d, [field]: source }), field)}
          >
            {field === 'timestamp' && draft.timestamp.kind !== 'none' && (
              <TimestampSettings
                draft={draft}
                file={file}
                onChange={(patch) => updateDraft((d) => ({ ...d, ...patch }))}
              />
            )}
          </TargetField>
        ))}
      </div>
      <AttributeList
        owner="customer"
        list={draft.customerData}
        file={file}
        summary={state.summary}
        unused={unused}
        guessed={guessed}
        problems={problems.attributes}
        onChange={setList('customer')}
        onAdd={(columns) => addAttributes('customer', columns)}
      />
      <AttributeList
        owner="contact"
        list={draft.contactData}
        file={file}
        summary={state.summary}
        unused={unused}
        guessed={guessed}
        problems={problems.attributes}
        onChange={setList('contact')}
        onAdd={(columns) => addAttributes('contact', columns)}
      />
      {otherProblems.length > 0 && (
        <div role="alert" className="notice notice--error">
          {otherProblems.map((p, i) => (
            <p key={i}>{p.message}</p>
          ))}
        </div>
      )}
      {state.mappingProblems.length > 0 && otherProblems.length === 0 && (
        <p role="alert" className="field__error">
          Some fields need attention: see the messages above.
        </p>
      )}
      <div className="actions">
        <Button className="button" onPress={() => goTo('file')}>
          Back
        </Button>
        <Button className="button" onPress={saveMapping}>
          Save mapping
        </Button>
        <FileTrigger
          acceptedFileTypes={['application/json', '.json']}
          onSelect={(files) => {
            const chosen = files?.[0];
            if (chosen) void loadMapping(chosen);
          }}
        >
          <Button className="button">Load mapping</Button>
        </FileTrigger>
        <span className="actions__spacer" />
        <Button className="button button--primary" onPress={() => void validate()}>
          Next: check all rows
        </Button>
      </div>
    </section>
  );
}
