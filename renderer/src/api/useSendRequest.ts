import { useCallback, useState } from 'react';
import type { SendCurlResult, SendOutcome } from '../../../shared/ipc-send';
import type { DraftRequest } from '../../../shared/send-draft';
import { callApi } from './call-api';

export interface SendRequestState {
  sending: boolean;
  /** The last outcome (an answer, a failure, or why nothing was sent). */
  outcome: SendOutcome | null;
  /** A failure of the app itself (not of the request), in plain words. */
  error: string | null;
  /** Sends `request` through `profileId`'s profile (the active one when omitted). */
  send: (request: DraftRequest, profileId?: string) => Promise<SendOutcome | null>;
  copying: boolean;
  curl: SendCurlResult | null;
  copyAsCurl: (request: DraftRequest, reveal: boolean) => Promise<void>;
  clearCurl: () => void;
}

const messageOf = (reason: unknown) => (reason instanceof Error ? reason.message : String(reason));

/** Sending a built request, and copying it as curl, through the main process. */
export function useSendRequest(): SendRequestState {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copying, setCopying] = useState(false);
  const [curl, setCurl] = useState<SendCurlResult | null>(null);

  const send = useCallback(async (request: DraftRequest, profileId?: string) => {
    setSending(true);
    setError(null);
    try {
      const result = await callApi((api) =>
        api.send.request(profileId === undefined ? request : { ...request, profileId }),
      );
      setOutcome(result);
      return result;
    } catch (reason) {
      setError(messageOf(reason));
      return null;
    } finally {
      setSending(false);
    }
  }, []);

  const copyAsCurl = useCallback(async (request: DraftRequest, reveal: boolean) => {
    setCopying(true);
    try {
      setCurl(await callApi((api) => api.send.curl({ ...request, reveal })));
    } catch (reason) {
      setCurl({ copied: false, message: messageOf(reason) });
    } finally {
      setCopying(false);
    }
  }, []);

  const clearCurl = useCallback(() => setCurl(null), []);

  return { sending, outcome, error, send, copying, curl, copyAsCurl, clearCurl };
}
