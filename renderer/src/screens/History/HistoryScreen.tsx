import type { ReactElement } from 'react';
import { ScreenLayout } from '../../components/ScreenLayout';

export function HistoryScreen(): ReactElement {
  return (
    <ScreenLayout
      title="History"
      summary="Your earlier imports and their results: how many events were sent, which rows were rejected and why, with the rejected rows ready to download, fix and import again."
    />
  );
}
