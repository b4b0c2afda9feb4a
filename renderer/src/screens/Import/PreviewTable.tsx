import type { ReactElement } from 'react';
import type { FilePreview } from '../../../../shared/ipc-import';

const SHOWN_ROWS = 8;

/** The column names and first rows as the app reads them with the current settings. */
export function PreviewTable({ file }: { file: FilePreview }): ReactElement {
  const rows = file.sampleRows.slice(0, SHOWN_ROWS);
  return (
    <div className="field">
      <h3 className="section-subtitle" id="im-preview-caption">
        First rows
      </h3>
      <div
        className="table-scroll im-preview-scroll"
        tabIndex={0}
        aria-labelledby="im-preview-caption"
      >
        <table className="data-table im-preview">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {file.header.map((name, i) => (
                <th key={i} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                {file.header.map((_, i) => (
                  <td key={i} title={row.cells[i]}>
                    {row.cells[i] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="text-muted">The file has column names but no rows.</p>}
    </div>
  );
}
