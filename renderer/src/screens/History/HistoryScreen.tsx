import type { ReactElement } from 'react';
import { ScreenLayout } from '../../components/ScreenLayout';
import { ImportHistorySection } from './ImportHistorySection';
import './history.css';

/**
 * Earlier work, one section per kind: imports here; other kinds of history add their own section
 * beside it.
 */
export function HistoryScreen(): ReactElement {
  return (
    <ScreenLayout
      title="History"
      wide
      summary="Your earlier imports and their results: how many events were sent, which rows were rejected and why, with the rejected rows ready to download, fix and import again."
    >
      <div className="hi-sections">
        <ImportHistorySection />
      </div>
    </ScreenLayout>
  );
}
