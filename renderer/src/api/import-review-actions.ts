import { downloadText } from '../download';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { getState, setState } from './import-wizard-store';
import type { RowsView } from '../../../shared/ipc-import';

// What the review step's controls do, beside the table (whose own edits and skips go through
// useImportRows): which rows it lists, the duplicate guard's answer, the sample's size, and the
// report of rows that cannot be sent.

/** The size of "Send a sample first" (see SampleControl). */
export function chooseSampleSize(sampleSize: number): void {
  setState({ sampleSize });
}

/** The review's answer to the duplicate guard (see AlreadySentChoice). */
export function chooseSendAgain(sendAgain: boolean): void {
  setState({ sendAgain });
}

export function setView(view: RowsView): void {
  setState((s) => ({ view, rowsVersion: s.rowsVersion + 1 }));
}

export async function downloadRejected(): Promise<void> {
  const open = getState().open;
  if (!open) return;
  setState({ busy: true });
  try {
    const download = await callApi((api) =>
      api.import.sessionReport({ sessionId: open.sessionId }),
    );
    downloadText(download.fileName, download.text, 'text/csv');
  } catch (error) {
    setState({ reviewProblem: errorMessage(error) });
  } finally {
    setState({ busy: false });
  }
}
