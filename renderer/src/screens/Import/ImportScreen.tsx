import type { ReactElement } from 'react';
import { ScreenLayout } from '../../components/ScreenLayout';

export function ImportScreen(): ReactElement {
  return (
    <ScreenLayout
      title="Import"
      summary="Send a spreadsheet of customer events (CSV or TSV) to Customerscore: match its columns to the event's fields, see every problem before anything is sent, then follow the upload until it is done."
    />
  );
}
