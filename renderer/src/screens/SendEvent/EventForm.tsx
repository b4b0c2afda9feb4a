import type { ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { TextField } from '../../components/TextField';
import type { BuilderIssue, EventField } from './builder-check';
import type { AttributeEditorKind } from './builder-model';
import { AttributeEditor } from './AttributeEditor';
import { TimestampField } from './TimestampField';
import type { SendBuilder } from './useSendBuilder';

export interface EventFormProps {
  builder: SendBuilder;
  /** The profile's tracker key, shown as the default. */
  profileTrackerKey: string;
}

type AttributeIssue = Extract<BuilderIssue, { kind: 'attribute' }>;

/** The builder's form: one event at a time, with a picker when the request holds several. */
export function EventForm({ builder, profileTrackerKey }: EventFormProps): ReactElement {
  const { event, current, content } = builder;
  const count = content.events.length;
  const shows = (key: string) => builder.showAll || builder.isTouched(key);

  const fieldError = (field: EventField): string | null => {
    if (!shows(`${current}:${field}`)) return null;
    const issue = builder.formIssues.find(
      (item) => item.kind === 'field' && item.event === current && item.field === field,
    );
    return issue?.message ?? null;
  };
  const attributeIssues = (editor: AttributeEditorKind): AttributeIssue[] =>
    builder.formIssues.filter(
      (item): item is AttributeIssue =>
        item.kind === 'attribute' &&
        item.event === current &&
        item.editor === editor &&
        shows(`${current}:${editor}:${item.row}`),
    );
  const field = (name: EventField) => ({
    error: fieldError(name),
    onBlur: () => builder.touch(`${current}:${name}`),
  });
  const editor = (kind: AttributeEditorKind) => ({
    kind,
    rows: kind === 'customer' ? event.customerAttributes : event.contactAttributes,
    issues: attributeIssues(kind),
    onAdd: () => builder.addAttribute(kind),
    onChange: (id: string, patch: Parameters<SendBuilder['updateAttribute']>[2]) =>
      builder.updateAttribute(kind, id, patch),
    onTypeChange: (id: string, type: Parameters<SendBuilder['setAttributeType']>[2]) =>
      builder.setAttributeType(kind, id, type),
    onRemove: (id: string) => builder.removeAttribute(kind, id),
    onMove: (id: string, delta: -1 | 1) => builder.moveAttribute(kind, id, delta),
    onBlurRow: (row: number) => builder.touch(`${current}:${kind}:${row}`),
  });

  return (
    <div className="se-form">
      <div className="se-events" role="group" aria-label="Events in this request">
        <span className="se-events__position" aria-live="polite">
          Event {current + 1} of {count}
        </span>
        {count > 1 ? (
          <>
            <Button
              className="button button--small"
              isDisabled={current === 0}
              onPress={() => builder.selectEvent(current - 1)}
            >
              Previous event
            </Button>
            <Button
              className="button button--small"
              isDisabled={current === count - 1}
              onPress={() => builder.selectEvent(current + 1)}
            >
              Next event
            </Button>
          </>
        ) : null}
        <Button
          className="button button--small"
          isDisabled={count >= 100}
          onPress={builder.addEvent}
        >
          Add another event
        </Button>
        {count > 1 ? (
          <Button className="button button--small button--danger" onPress={builder.removeEvent}>
            Remove event {current + 1}
          </Button>
        ) : null}
      </div>

      <TextField
        label="Event name"
        value={event.name}
        placeholder="e.g. subscription_upgraded"
        onChange={(name) => builder.updateEvent({ name })}
        width="wide"
        {...field('name')}
      />
      <TimestampField
        value={event.timestamp}
        onChange={(timestamp) => builder.updateEvent({ timestamp })}
        {...field('timestamp')}
      />
      <div className="se-form__pair">
        <TextField
          label="Customer ID"
          value={event.customer}
          placeholder="e.g. cus_456"
          description="The customer’s external ID in your system."
          onChange={(customer) => builder.updateEvent({ customer })}
          {...field('customer')}
        />
        <TextField
          label="Contact ID"
          value={event.contact}
          placeholder="optional, e.g. con_123"
          description="Optional: the person at the customer."
          onChange={(contact) => builder.updateEvent({ contact })}
          {...field('contact')}
        />
      </div>
      <AttributeEditor {...editor('customer')} />
      <AttributeEditor {...editor('contact')} />
      <TextField
        label="Tracker key for this request"
        value={content.trackerKey}
        placeholder={profileTrackerKey || 'CS-ABCD1'}
        description={
          profileTrackerKey
            ? `Leave empty to use the profile’s tracker key (${profileTrackerKey}).`
            : 'Leave empty to use the profile’s tracker key (set it in Settings).'
        }
        onChange={builder.setTrackerKey}
        onBlur={() => builder.touch('trackerKey')}
        error={
          shows('trackerKey')
            ? (builder.formIssues.find((item) => item.kind === 'trackerKey')?.message ?? null)
            : null
        }
        mono
      />
      <p className="text-muted text-small">
        In any text field, <code>{'{{now}}'}</code> becomes the time of sending (Unix milliseconds)
        and <code>{'{{uuid}}'}</code> a new random ID.
      </p>
    </div>
  );
}
