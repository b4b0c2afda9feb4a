import { useMemo, useState, type ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { FilePreview } from '../../../../shared/ipc-import';
import { SelectField } from '../../components/SelectField';
import type { MappingDraft } from '../../mapping/mapping-draft';
import { columnSamples, columnValues, isDateCellColumn } from './samples';
import { previewTimestamps } from './timestamp-preview';

const KEYWORDS: readonly { value: string; label: string }[] = [
  { value: 'auto', label: 'Detect from the values' },
  { value: 'iso8601', label: 'ISO 8601 (2024-04-01T12:00:00Z)' },
  { value: 'unix_ms', label: 'Unix time in milliseconds' },
  { value: 'unix_s', label: 'Unix time in seconds' },
  { value: 'excel_serial', label: 'Spreadsheet day number (45383.5)' },
];
const PATTERN = 'pattern';
const FORMATS = [...KEYWORDS, { value: PATTERN, label: 'Another format (a date pattern)…' }];

let zones: readonly string[] | null = null;
function timeZones(): readonly string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones;
}

export interface TimestampSettingsProps {
  draft: MappingDraft;
  file: FilePreview;
  onChange: (patch: Partial<Pick<MappingDraft, 'timestampFormat' | 'timezone'>>) => void;
}

/** The timestamp's format and zone, and how the first values will be read with them. */
export function TimestampSettings({ draft, file, onChange }: TimestampSettingsProps): ReactElement {
  // "Now" for the range check (a year ahead at most), fixed while the step is shown.
  const [now] = useState(() => Date.now());
  const column = draft.timestamp.kind === 'column' ? draft.timestamp.column : null;
  const isKeyword = KEYWORDS.some((k) => k.value === draft.timestampFormat.trim().toLowerCase());
  const dateCells = column !== null && isDateCellColumn(file, column);
  const preview = useMemo(() => {
    if (column === null) return null;
    // A date cell arrives as the ISO 8601 wall clock it shows; the format applies to text cells.
    return previewTimestamps(
      dateCells ? 'iso8601' : draft.timestampFormat,
      draft.timezone,
      columnValues(file, column),
      columnSamples(file, column),
      now,
    );
  }, [column, dateCells, draft.timestampFormat, draft.timezone, file, now]);

  return (
    <div className="im-panel">
      <div className="im-row">
        {dateCells ? (
          <div className="field">
            <span className="field__label">Timestamp format</span>
            <p className="im-date-cells" role="note">
              Date cells: each is read as the date and time the workbook shows, in the time zone
              beside. There is no format to choose.
            </p>
          </div>
        ) : (
          <SelectField
            id="im-ts-format"
            label="Timestamp format"
            value={isKeyword ? draft.timestampFormat.trim().toLowerCase() : PATTERN}
            options={FORMATS}
            onChange={(format) =>
              onChange({ timestampFormat: format === PATTERN ? 'dd.MM.yyyy HH:mm' : format })
            }
          />
        )}
        {!dateCells && !isKeyword && (
          <div className="field">
            <label className="field__label" htmlFor="im-ts-pattern">
              Date pattern
            </label>
            <input
              id="im-ts-pattern"
              className="input"
              value={draft.timestampFormat}
              aria-describedby="im-ts-pattern-hint"
              onChange={(event) => onChange({ timestampFormat: event.target.value })}
            />
            <span id="im-ts-pattern-hint" className="text-muted text-small">
              dd day, MM month, yyyy year, HH hour, mm minute, ss second
            </span>
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor="im-ts-zone">
            Time zone
          </label>
          <input
            id="im-ts-zone"
            className="input"
            list="im-ts-zones"
            value={draft.timezone}
            aria-describedby="im-ts-zone-hint"
            onChange={(event) => onChange({ timezone: event.target.value })}
          />
          <datalist id="im-ts-zones">
            {timeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <span id="im-ts-zone-hint" className="text-muted text-small">
            For times written without a zone.
          </span>
        </div>
      </div>
      {preview && (
        <Readings
          preview={
            dateCells
              ? {
                  ...preview,
                  description:
                    'The date cells are listed as ISO 8601, the date and time each one shows.',
                }
              : preview
          }
          zone={draft.timezone}
          onChange={onChange}
        />
      )}
    </div>
  );
}

function Readings({
  preview,
  zone,
  onChange,
}: {
  preview: ReturnType<typeof previewTimestamps>;
  zone: string;
  onChange: TimestampSettingsProps['onChange'];
}): ReactElement {
  if (preview.problem) {
    return (
      <div className="field" role="status">
        <p className="field__error">{preview.problem}</p>
        {preview.candidates && (
          <div className="im-row">
            <Button
              className="button"
              onPress={() => onChange({ timestampFormat: preview.candidates?.[0] ?? '' })}
            >
              Day first ({preview.candidates[0]})
            </Button>
            <Button
              className="button"
              onPress={() => onChange({ timestampFormat: preview.candidates?.[1] ?? '' })}
            >
              Month first ({preview.candidates[1]})
            </Button>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="field">
      <p className="text-muted text-small">{preview.description}</p>
      <table className="im-readings" aria-label="How the first timestamps are read">
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Read as ({zone})</th>
            <th scope="col">In UTC</th>
          </tr>
        </thead>
        <tbody>
          {preview.readings.map((reading) => (
            <tr key={reading.value}>
              <td>{reading.value}</td>
              {reading.problem ? (
                <td colSpan={2} className="field__error">
                  {reading.problem}
                </td>
              ) : (
                <>
                  <td>{reading.local}</td>
                  <td>{reading.utc}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
