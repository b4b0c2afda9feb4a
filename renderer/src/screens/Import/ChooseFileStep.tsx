import type { ReactElement } from 'react';
import { Button, DropZone, isFileDropItem, type DropItem } from 'react-aria-components';
import { goTo } from '../../api/import-actions';
import { chooseFile } from '../../api/import-actions';
import type { WizardState } from '../../api/import-wizard-store';
import { FileSettings } from './FileSettings';
import { PreviewTable } from './PreviewTable';
import { fileSize } from '../../../../shared/wording';

const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';

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
          CSV file
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
          Drop a spreadsheet export here, or choose one: CSV, TSV or TXT, any size. The file is only
          read, never changed.
        </p>
      </DropZone>
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
            {open.file.fileName}{' '}
            <span className="text-muted">({fileSize(open.file.fileSize)})</span>
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

/** Opens the first file of a drop (or of a paste into the drop zone); text and folders are left. */
async function openDropped(items: readonly DropItem[]): Promise<void> {
  const item = items.find(isFileDropItem);
  if (item) await chooseFile(await item.getFile());
}
