import { useCallback, useEffect, useState } from 'react';
import type { BuilderContent, SendTemplate } from '../../../shared/send-builder';
import { callApi } from './call-api';
import { errorMessage } from './error-message';

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
  const [templates, setTemplates] = useState<SendTemplate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      setTemplates((await callApi((api) => api.sendTemplates.list())).templates);
      setError(null);
    } catch (reason) {
      setError(errorMessage(reason));
    }
  }, []);

  useEffect(() => {
    let current = true;
    callApi((api) => api.sendTemplates.list()).then(
      (value) => {
        if (!current) return;
        setTemplates(value.templates);
        setLoaded(true);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(errorMessage(reason));
        setLoaded(true);
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const save = useCallback(
    async (name: string, content: BuilderContent) => {
      try {
        const result = await callApi((api) => api.sendTemplates.save({ name, content }));
        if (!result.saved) return result.message;
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
      try {
        await callApi((api) => api.sendTemplates.delete({ id }));
      } catch (reason) {
        setError(errorMessage(reason));
      }
      await reload();
    },
    [reload],
  );

  return { templates, error, loaded, save, remove };
}
