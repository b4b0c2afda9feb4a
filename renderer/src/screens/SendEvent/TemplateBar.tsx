import { useId, useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { Button, DialogTrigger, Heading } from 'react-aria-components';
import { sameTemplateName, templateNameSchema } from '../../../../shared/send-builder';
import { describeZodError } from '../../../../shared/zod-issue';
import type { BuilderContent, SendTemplate } from '../../../../shared/send-builder';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';
import { ModalDialog } from '../../components/ModalDialog';

export interface TemplateBarProps {
  templates: SendTemplate[];
  error: string | null;
  onLoad: (template: SendTemplate) => void;
  onSave: (name: string, content: BuilderContent) => Promise<string | null>;
  onDelete: (id: string) => Promise<void>;
  /** The builder's content to save, or why it cannot be saved now. */
  currentContent: () => { ok: true; content: BuilderContent } | { ok: false; message: string };
}

/** Load, save and delete the builder's templates. */
export function TemplateBar(props: TemplateBarProps): ReactElement {
  const [selectedId, setSelectedId] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const selected = props.templates.find((item) => item.id === selectedId) ?? props.templates[0];

  return (
    <section className="se-templates" aria-label="Templates">
      <div className="actions">
        <SelectField
          label="Template"
          inline
          width="auto"
          value={selected?.id ?? null}
          options={props.templates.map((template) => ({
            value: template.id,
            label: template.name,
          }))}
          placeholder="No templates saved yet"
          isDisabled={props.templates.length === 0}
          onChange={setSelectedId}
        />
        <Button
          className="button"
          isDisabled={!selected}
          onPress={() => {
            if (!selected) return;
            props.onLoad(selected);
            setStatus(`Loaded the template “${selected.name}”.`);
          }}
        >
          Load template
        </Button>
        <SaveTemplateButton
          templates={props.templates}
          currentContent={props.currentContent}
          onSave={async (name, content) => {
            const problem = await props.onSave(name, content);
            if (problem === null) setStatus(`Saved the template “${name.trim()}”.`);
            return problem;
          }}
        />
        <ConfirmDialog
          trigger={
            <Button className="button button--danger" isDisabled={!selected}>
              Delete template
            </Button>
          }
          title={`Delete the template “${selected?.name ?? ''}”?`}
          confirmLabel="Delete"
          onConfirm={() => {
            if (!selected) return;
            void props.onDelete(selected.id).then(() => {
              setSelectedId('');
              setStatus(`Deleted the template “${selected.name}”.`);
            });
          }}
        >
          <p>
            The template is removed from this computer. Requests already sent stay in the history.
          </p>
        </ConfirmDialog>
      </div>
      <p className="se-templates__status text-muted text-small" role="status">
        {props.error ?? status ?? ''}
      </p>
    </section>
  );
}

interface SaveTemplateButtonProps {
  templates: SendTemplate[];
  currentContent: TemplateBarProps['currentContent'];
  onSave: (name: string, content: BuilderContent) => Promise<string | null>;
}

function SaveTemplateButton(props: SaveTemplateButtonProps): ReactElement {
  const inputId = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const exists = props.templates.some((item) => sameTemplateName(item.name, name));

  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) {
          setName('');
          setProblem(null);
        }
      }}
    >
      <Button className="button">Save as template…</Button>
      <ModalDialog>
        {({ close }) => {
          const submit = async (event: FormEvent) => {
            event.preventDefault();
            const checkedName = templateNameSchema.safeParse(name);
            if (!checkedName.success) {
              setProblem(describeZodError(checkedName.error, 'Give the template a name.'));
              return;
            }
            const current = props.currentContent();
            if (!current.ok) {
              setProblem(current.message);
              return;
            }
            setSaving(true);
            const failure = await props.onSave(checkedName.data, current.content);
            setSaving(false);
            if (failure === null) close();
            else setProblem(failure);
          };
          return (
            <form onSubmit={(event) => void submit(event)}>
              <Heading slot="title" className="section-title">
                Save as template
              </Heading>
              <div className="dialog__body">
                <p>
                  Keeps everything in the builder, even fields left empty, so it can be loaded again
                  later. <code>{'{{now}}'}</code> and <code>{'{{uuid}}'}</code> stay as they are and
                  are filled in at each sending.
                </p>
                <div className="field">
                  <label className="field__label" htmlFor={inputId}>
                    Template name
                  </label>
                  <input
                    id={inputId}
                    className="input input--wide"
                    value={name}
                    autoFocus
                    autoComplete="off"
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={`${inputId}-note`}
                    onChange={(event) => {
                      setName(event.target.value);
                      setProblem(null);
                    }}
                  />
                  <p id={`${inputId}-note`} className={problem ? 'field__error' : 'field__hint'}>
                    {problem ??
                      (exists
                        ? 'A template with this name exists: saving replaces it.'
                        : 'For example “Daily check for Acme”.')}
                  </p>
                </div>
              </div>
              <div className="dialog__actions">
                <Button className="button" onPress={close}>
                  Cancel
                </Button>
                <Button type="submit" className="button button--primary" isDisabled={saving}>
                  {exists ? 'Replace template' : 'Save template'}
                </Button>
              </div>
            </form>
          );
        }}
      </ModalDialog>
    </DialogTrigger>
  );
}
