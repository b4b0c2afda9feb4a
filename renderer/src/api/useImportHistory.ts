import { useCallback, useEffect, useState } from 'react';
import type { ImportJobSummary } from '../../../shared/ipc-import';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { downloadJobReport } from './import-send-actions';

export interface ImportHistory {
  jobs: readonly ImportJobSummary[] | null;
  problem: string | null;
  reload: () => void;
  /** Offers a job's rejected-rows report as a download; resolves to a problem in words, or null. */
  downloadReport: (jobId: string) => Promise<string | null>;
}

/** Past and interrupted imports, newest first, from the journals in the data directory. */
export function useImportHistory(): ImportHistory {
  const [jobs, setJobs] = useState<readonly ImportJobSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    callApi((api) => api.import.jobs()).then(
      (list) => {
        if (live) setJobs(list);
      },
      (error: unknown) => {
        if (live) setProblem(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { jobs, problem, reload, downloadReport: downloadJobReport };
}
