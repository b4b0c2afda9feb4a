import { useState, type ReactElement } from 'react';
import { Button } from 'react-aria-components';
import type { FileFormat, FilePreview, WorkbookPreview } from '../../../../shared/ipc-import';
import { plural } from '../../../../shared/wording';
import { sheetOptions } from './sheet-options';
import { configure } from '../../api/import-actions';
import { SelectField } from '../../components/SelectField';
import { DELIMITERS, delimiterLabel } from '../../../../shared/delimiters';
import { headerRowSuggestion } from '../../../../shared/header-row';
import { ENCODINGS, encodingReason } from '../../../../shared/encodings';

const DELIMITER_OPTIONS = DELIMITERS.map((d) => ({ value: d, label: delimiterLabel(d) }));

/** How the file is read, each setting changeable; a change reads the file again at once. */
export function FileSettings({
  file,
  disabled,
}: {
  file: FilePreview;
  disabled: boolean;
}): ReactElement {
  const workbook = file.workbook;
  return (
    <div className="im-panel">
      <div className="im-facts">
        {workbook ? (
          <SheetField workbook={workbook} format={file.format} disabled={disabled} />
        ) : (
          <TextSettings file={file} disabled={disabled} />
        )}
        <HeaderRowField key={file.headerRow} current={file.headerRow} disabled={disabled} />
      </div>
      {file.suggestedHeaderRow !== null && file.suggestedHeaderRow !== file.headerRow && (
        <div className="notice notice--row" role="status">
          <p className="notice__text">{headerRowSuggestion(file.suggestedHeaderRow)}</p>
          <Button
            className="button"
            onPress={() => void configure({ headerRow: file.suggestedHeaderRow ?? 1 })}
          >
            Use row {file.suggestedHeaderRow}
          </Button>
        </div>
      )}
    </div>
  );
}

/** A workbook's sheet, chosen from its sheets; its cells need no encoding or separator. */
function SheetField({
  workbook,
  format,
  disabled,
}: {
  workbook: WorkbookPreview;
  format: FileFormat;
  disabled: boolean;
}): ReactElement {
  const others = workbook.sheets.length - 1;
  const why =
    others === 0
      ? `the workbook's only sheet (${FORMAT_NAMES[format]})`
      : workbook.sheet === workbook.defaultSheet
        ? `the first visible of ${plural(workbook.sheets.length, 'sheet')}; choose another here`
        : 'chosen by you';
  return (
    <SelectField
      id="im-sheet"
      label="Sheet"
      value={workbook.sheet}
      options={sheetOptions(workbook.sheets)}
      isDisabled={disabled || others === 0}
      description={why}
      onChange={(sheet) => void configure({ sheet })}
    />
  );
}

const FORMAT_NAMES: Readonly<Record<FileFormat, string>> = {
  csv: 'CSV',
  xlsx: 'Excel workbook',
  xls: 'Excel 97-2003 workbook',
  ods: 'OpenDocument spreadsheet',
};

/** A text file's encoding and separator, each with why it was chosen. */
function TextSettings({ file, disabled }: { file: FilePreview; disabled: boolean }): ReactElement {
  const encodings = ENCODINGS.some((e) => e.value === file.encoding)
    ? ENCODINGS
    : [{ value: file.encoding, label: file.encoding }, ...ENCODINGS];
  // Pasted cells are written as UTF-8 with tabs by the app itself: nothing was detected or chosen.
  const pastedAsIs = (chosen: boolean) => file.pasted && chosen;
  const delimiterReason = pastedAsIs(file.delimiterSource === 'chosen' && file.delimiter === '\t')
    ? 'spreadsheets put tabs between pasted cells'
    : file.delimiterSource === 'detected'
      ? 'detected'
      : file.delimiterSource === 'chosen'
        ? 'chosen by you'
        : 'the default: no separator was clear';
  return (
    <>
      <SelectField
        id="im-encoding"
        label="Text encoding"
        value={file.encoding}
        options={encodings}
        isDisabled={disabled}
        description={
          pastedAsIs(file.encodingSource === 'chosen' && file.encoding === 'utf-8')
            ? 'pasted text is always Unicode'
            : encodingReason(file)
        }
        onChange={(encoding) => void configure({ encoding })}
      />
      <SelectField
        id="im-delimiter"
        label="Separator"
        value={file.delimiter}
        options={DELIMITER_OPTIONS}
        isDisabled={disabled}
        description={delimiterReason}
        onChange={(delimiter) => void configure({ delimiter })}
      />
    </>
  );
}

/** The header row, typed and applied on Enter or on leaving the field (a new reading resets it). */
function HeaderRowField({
  current,
  disabled,
}: {
  current: number;
  disabled: boolean;
}): ReactElement {
  const [text, setText] = useState(String(current));
  const commit = () => {
    const row = Number(text);
    if (Number.isInteger(row) && row >= 1 && row !== current) void configure({ headerRow: row });
    else setText(String(current));
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor="im-header-row">
        Column names are in row
      </label>
      <input
        id="im-header-row"
        className="input input--narrow"
        type="number"
        min={1}
        value={text}
        disabled={disabled}
        aria-describedby="im-header-why"
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      <span id="im-header-why" className="text-muted text-small">
        Rows above it (a title, notes) are left out.
      </span>
    </div>
  );
}
