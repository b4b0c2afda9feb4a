import { useCallback, useState } from 'react';
import type { IpcErrorCode } from '../../../shared/ipc';
import type { SendCurlResult, SendOutcome } from '../../../shared/ipc-send';
import type { DraftRequest } from '../../../shared/send-draft';
import { callApi } from './call-api';
import { errorCode, errorMessage } from './error-message';

/** The last "Copy as curl": what was copied, or why nothing was. */
export type CurlCopy = ({ copied: true } & SendCurlResult) | { copied: false; message: string };

export interface SendRequestState {
  sending: boolean;
  /**
   * Sends `request` through `profileId`'s profile (the active one when omitted): the outcome (the
   * server's answer), or why nothing was sent in plain words, with the app's code for it
   * (`settings` or `invalid_input` when the profile or the request must change first).
   */
  send: (
    request: DraftRequest,
    profileId?: string,
  ) => Promise<
    { ok: true; outcome: SendOutcome } | { ok: false; message: string; code: IpcErrorCode | null }
  >;
  copying: boolean;
  curl: CurlCopy | null;
  copyAsCurl: (request: DraftRequest, reveal: boolean) => Promise<void>;
  clearCurl: () => void;
}

/** Sending a built request, and copying it as curl, through the main process. */
export function useSendRequest(): SendRequestState {
  const [sending, setSending] = useState(false);
  const [copying, setCopying] = useState(false);
  const [curl, setCurl] = useState<CurlCopy | null>(null);

  const send = useCallback(async (request: DraftRequest, profileId?: string) => {
    setSending(true);
    try {
      const outcome = await callApi((api) =>
        api.send.request(profileId === undefined ? request : { ...request, profileId }),
      );
      return { ok: true as const, outcome };
    } catch (reason) {
      return { ok: false as const, message: errorMessage(reason), code: errorCode(reason) };
    } finally {
      setSending(false);
    }
  }, []);

  const copyAsCurl = useCallback(async (request: DraftRequest, reveal: boolean) => {
    setCopying(true);
    try {
      const copied = await callApi((api) => api.send.curl({ ...request, reveal }));
      setCurl({ copied: true, ...copied });
    } catch (reason) {
      setCurl({ copied: false, message: errorMessage(reason) });
    } finally {
      setCopying(false);
    }
  }, []);

  const clearCurl = useCallback(() => setCurl(null), []);

  return { sending, send, copying, curl, copyAsCurl, clearCurl };
}
