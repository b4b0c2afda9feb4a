import type { ReactElement } from 'react';
import {
  Button,
  DropZone,
  isFileDropItem,
  isTextDropItem,
  type DropItem,
} from 'react-aria-components';
import { goTo } from '../../api/import-actions';
import { chooseFile, pasteCells } from '../../api/import-actions';
import type { WizardState } from '../../api/import-wizard-store';
import { FileSettings } from './FileSettings';
import { PreviewTable } from './PreviewTable';
import { fileSize } from '../../../../shared/wording';

// What the reader opens: text tables, Excel workbooks (2007 and later, macro-enabled, 97-2003)
// and OpenDocument spreadsheets. Anything else is still refused in words if dropped.
const ACCEPT = [
  '.csv',
  '.tsv',
  '.txt',
  '.xlsx',
  '.xlsm',
  '.xls',
  '.ods',
  'text/csv',
  'text/tab-separated-values',
  'text/plain',
].join(',');

/** Step 1: a drop zone and a file input; once read, how the file is read and its first rows. */
export function ChooseFileStep({ state }: { state: WizardState }): ReactElement {
  const { open } = state;

  return (
    <section className="im-panel im-panel--wide" aria-labelledby="im-file-heading">
      <h2 id="im-file-heading" className="section-title">
        Choose a file
      </h2>
      <DropZone
        className="im-dropzone"
        aria-label="Drop a file to import"
        onDrop={(event) => void openDropped(event.items)}
      >
        <label className="field__label" htmlFor="file-input">
          Spreadsheet file
        </label>
        <input
          id="file-input"
          className="file-input"
          type="file"
          accept={ACCEPT}
          aria-describedby="im-file-hint"
          disabled={state.opening}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void chooseFile(file);
          }}
        />
        <p id="im-file-hint" className="text-muted text-small">
          Drop a spreadsheet export here, or choose one: CSV, TSV or TXT, an Excel workbook (.xlsx,
          .xlsm, .xls) or an OpenDocument spreadsheet (.ods), any size. The file is only read, never
          changed.
        </p>
      </DropZone>
      <PasteBox disabled={state.opening} />
      {state.opening && (
        <p role="status" className="text-muted">
          Reading the file…
        </p>
      )}
      {state.fileError && (
        <p role="alert" className="notice notice--error">
          {state.fileError}
        </p>
      )}
      {state.sendProblem && (
        <p role="alert" className="notice notice--error">
          {state.sendProblem}
        </p>
      )}
      {open && (
        <>
          <h3 className="section-subtitle">
            {open.file.pasted ? 'Pasted cells' : open.file.fileName}{' '}
            <span className="text-muted">
              ({open.file.pasted ? `${open.file.fileName}, ` : ''}
              {fileSize(open.file.fileSize)})
            </span>
          </h3>
          <FileSettings file={open.file} disabled={state.opening} />
          <PreviewTable file={open.file} />
          <div className="actions">
            <Button className="button button--primary" onPress={() => goTo('map')}>
              Next: match columns
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * Opens the first file of a drop (or of a paste into the drop zone); failing a file, text cells
 * dropped or pasted there (a spreadsheet's range dragged in); folders are left.
 */
async function openDropped(items: readonly DropItem[]): Promise<void> {
  const file = items.find(isFileDropItem);
  if (file) return chooseFile(await file.getFile());
  const text = items.find((item) => isTextDropItem(item) && item.types.has('text/plain'));
  if (text && isTextDropItem(text)) await pasteCells(await text.getText('text/plain'));
}

/**
 * Where cells copied in Excel, Google Sheets or Numbers are pasted (Ctrl+V, or ⌘V on a Mac). The
 * page reads the clipboard only in the paste event the person starts: the app asks for no
 * clipboard permission.
 */
function PasteBox({ disabled }: { disabled: boolean }): ReactElement {
  return (
    <div className="im-paste">
      <label className="field__label" htmlFor="im-paste">
        Or paste cells
      </label>
      <textarea
        id="im-paste"
        className="input im-paste__target"
        rows={2}
        readOnly
        disabled={disabled}
        placeholder="Click here, then paste (Ctrl+V or ⌘V)"
        aria-describedby="im-paste-hint"
        onPaste={(event) => {
          event.preventDefault();
          const text = event.clipboardData.getData('text/plain');
          void pasteCells(text);
        }}
      />
      <p id="im-paste-hint" className="text-muted text-small">
        Copy the cells in Excel, Google Sheets or Numbers, with their header row. They are kept as a
        file in the app&apos;s data folder, so the import can be checked, sent, resumed and found in
        History like any file.
      </p>
    </div>
  );
}
