import { useCallback, useState } from 'react';
import type { BuilderContent, SendTemplate } from '../../../shared/send-builder';
import { callApi } from './call-api';
import { errorMessage } from './error-message';
import { useQuery } from './useQuery';

export interface SendTemplatesState {
  templates: SendTemplate[];
  error: string | null;
  /** The first list came back (or failed): until then `templates` is empty for want of an answer. */
  loaded: boolean;
  /** Saves under `name`; answers a plain-words problem, or null when saved. */
  save: (name: string, content: BuilderContent) => Promise<string | null>;
  remove: (id: string) => Promise<void>;
}

/** The builder's saved templates. */
export function useSendTemplates(): SendTemplatesState {
  const list = useQuery((api) => api.sendTemplates.list(), []);
  // A delete can fail too; that stays shown until the next save or delete.
  const [actionError, setActionError] = useState<string | null>(null);
  const { reload } = list;

  const save = useCallback(
    async (name: string, content: BuilderContent) => {
      setActionError(null);
      try {
        // A full templates file is refused as the failure, in words.
        await callApi((api) => api.sendTemplates.save({ name, content }));
        await reload();
        return null;
      } catch (reason) {
        return errorMessage(reason);
      }
    },
    [reload],
  );

  const remove = useCallback(
    async (id: string) => {
      setActionError(null);
      try {
        await callApi((api) => api.sendTemplates.delete({ id }));
      } catch (reason) {
        setActionError(errorMessage(reason));
      }
      await reload();
    },
    [reload],
  );

  return {
    templates: list.data?.templates ?? [],
    error: actionError ?? list.error,
    loaded: list.data !== null || list.error !== null,
    save,
    remove,
  };
}
