import { useCallback } from 'react';
import type { ImportJobSummary } from '../../../shared/ipc-import';
import { downloadJobReport } from './import-send-actions';
import { useQuery } from './useQuery';

export interface ImportHistory {
  jobs: readonly ImportJobSummary[] | null;
  problem: string | null;
  reload: () => void;
  /** Offers a job's rejected-rows report as a download; resolves to a problem in words, or null. */
  downloadReport: (jobId: string) => Promise<string | null>;
}

/** Past and interrupted imports, newest first, from the journals in the data directory. */
export function useImportHistory(): ImportHistory {
  const jobs = useQuery((api) => api.import.jobs(), []);
  const { reload } = jobs;
  return {
    jobs: jobs.data,
    problem: jobs.error,
    reload: useCallback(() => void reload(), [reload]),
    downloadReport: downloadJobReport,
  };
}
