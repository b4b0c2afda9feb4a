import { useCallback, useState } from 'react';
import type { SendCurlResult, SendOutcome } from '../../../shared/ipc-send';
import type { DraftRequest } from '../../../shared/send-draft';
import { callApi } from './call-api';
import { errorMessage } from './error-message';

export interface SendRequestState {
  sending: boolean;
  /**
   * Sends `request` through `profileId`'s profile (the active one when omitted): the outcome (an
   * answer, or why nothing was sent), or a failure of the app itself in plain words.
   */
  send: (
    request: DraftRequest,
    profileId?: string,
  ) => Promise<{ ok: true; outcome: SendOutcome } | { ok: false; message: string }>;
  copying: boolean;
  curl: SendCurlResult | null;
  copyAsCurl: (request: DraftRequest, reveal: boolean) => Promise<void>;
  clearCurl: () => void;
}

/** Sending a built request, and copying it as curl, through the main process. */
export function useSendRequest(): SendRequestState {
  const [sending, setSending] = useState(false);
  const [copying, setCopying] = useState(false);
  const [curl, setCurl] = useState<SendCurlResult | null>(null);

  const send = useCallback(async (request: DraftRequest, profileId?: string) => {
    setSending(true);
    try {
      const outcome = await callApi((api) =>
        api.send.request(profileId === undefined ? request : { ...request, profileId }),
      );
      return { ok: true as const, outcome };
    } catch (reason) {
      return { ok: false as const, message: errorMessage(reason) };
    } finally {
      setSending(false);
    }
  }, []);

  const copyAsCurl = useCallback(async (request: DraftRequest, reveal: boolean) => {
    setCopying(true);
    try {
      setCurl(await callApi((api) => api.send.curl({ ...request, reveal })));
    } catch (reason) {
      setCurl({ copied: false, message: errorMessage(reason) });
    } finally {
      setCopying(false);
    }
  }, []);

  const clearCurl = useCallback(() => setCurl(null), []);

  return { sending, send, copying, curl, copyAsCurl, clearCurl };
}
