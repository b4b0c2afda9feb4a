import { useId, type ReactElement } from 'react';
import { Button } from 'react-aria-components';
import { MAX_SAMPLE_EVENTS } from '../../../../shared/ipc-import';

/**
 * "Send a sample first": the first few events, to see them arrive in Customerscore before the
 * whole file goes. The size is changeable (1 to MAX_SAMPLE_EVENTS).
 */
export function SampleControl({
  size,
  disabled,
  onSize,
  onSend,
}: {
  size: number;
  disabled: boolean;
  onSize: (size: number) => void;
  onSend: () => void;
}): ReactElement {
  const id = useId();
  const valid = Number.isInteger(size) && size >= 1 && size <= MAX_SAMPLE_EVENTS;
  return (
    <span className="im-sample">
      <label htmlFor={id} className="text-small">
        Sample of
      </label>
      <input
        id={id}
        className="input im-sample__size"
        type="number"
        min={1}
        max={MAX_SAMPLE_EVENTS}
        step={1}
        value={Number.isNaN(size) ? '' : size}
        aria-describedby={`${id}-unit`}
        onChange={(event) => onSize(event.target.valueAsNumber)}
      />
      <span id={`${id}-unit`} className="text-small">
        events
      </span>
      <Button className="button" isDisabled={disabled || !valid} onPress={onSend}>
        Send a sample first
      </Button>
    </span>
  );
}
