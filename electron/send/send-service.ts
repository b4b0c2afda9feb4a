import type { TrackEvent } from '../../shared/api';
import { eventFingerprint } from '../engine/ledger/event-fingerprint';
import type { Ledger } from '../engine/ledger/ledger';
import { STATUS } from '../engine/ledger/ledger-records';
import type { LedgerRun } from '../engine/ledger/ledger-run';
import { randomUUID } from 'node:crypto';
import { trackRequestSchema } from '../../shared/api';
import { expandDraft } from '../../shared/send-draft';
import { UserError } from '../../shared/user-error';
import { describeZodError } from '../../shared/zod-issue';
import type { DraftRequest } from '../../shared/send-draft';
import type {
  SendCurlRequest,
  SendCurlResult,
  SendOutcome,
  SendRequest,
  SendTarget,
} from '../../shared/ipc-send';
import type { SendHistoryEntry } from '../../shared/send-history';
import type { Clipboard } from './clipboard';
import { createClipboardClearer } from './clipboard-clear';
import type { ClearTimers } from './clipboard-clear';
import { buildCurlCommand } from './curl';
import { exchange } from './send-exchange';
import type { SendFetch } from './send-exchange';
import { newHistoryId } from './history-store';
import type { SendHistoryStore } from './history-store';
import { sendDestination, sendingKey } from '../store/send-target';
import { chooseProfile, inSettings, keyStateOf } from './send-target';
import type { NotSent, SendStores } from './send-target';

/** How long one request may take before it counts as unanswered. */
export const SEND_TIMEOUT_MS = 30_000;

export interface SendServiceOptions extends SendStores {
  history: SendHistoryStore;
  clipboard: Clipboard;
  /** The timer that clears a copied key from the clipboard; real timers by default. */
  clipboardTimers?: ClearTimers;
  fetch?: SendFetch;
  /** This computer's clock, Unix ms: the moment of sending and `{{now}}`. */
  wallNow?: () => number;
  /** A monotonic clock in ms, for the time taken. */
  monotonicNow?: () => number;
  uuid?: () => string;
  timeoutMs?: number;
  /**
   * The duplicate guard's ledger of a destination: what this screen sends is recorded there (so an
   * import of the same events skips them), never checked (support engineers resend on purpose).
   */
  ledgerOf?: (destination: { trackerKey: string; endpoint: string }) => Ledger;
}

/** `send` and `curl` throw a `UserError` when nothing can be sent or copied, saying why. */
export interface SendService {
  target(): Promise<SendTarget>;
  send(request: SendRequest): Promise<SendOutcome>;
  curl(request: SendCurlRequest): Promise<SendCurlResult>;
}

function draftOf(request: SendRequest): DraftRequest {
  return {
    ...(request.trackerKey === undefined ? {} : { trackerKey: request.trackerKey }),
    events: request.events,
  };
}

// Where to fix it, as the code the page branches on: the profile in Settings, or the request.
const notSent = (problem: NotSent): UserError =>
  new UserError(problem.fix === 'settings' ? 'settings' : 'invalid_input', problem.message);

/**
 * Sends what the "Send event" screen built, through a profile (the active one unless the request
 * names another): the main process adds the profile's API key, endpoint and tracker key, fills in
 * `{{now}}` and `{{uuid}}` at the moment of sending, checks the body against the API's schema, sends
 * it once, and records the request and its answer in the history.
 */
export function createSendService(options: SendServiceOptions): SendService {
  const fetch: SendFetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const wallNow = options.wallNow ?? Date.now;
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const uuid = options.uuid ?? randomUUID;
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const clearer = createClipboardClearer(
    options.clipboard,
    options.clipboardTimers ? { timers: options.clipboardTimers } : {},
  );

  /** The profile, endpoint and exact body for `request` at `now`, or why there are none. */
  async function prepare(request: SendRequest, now: number) {
    const chosen = await chooseProfile(options, request.profileId);
    if (!chosen.ok) return chosen;
    const { profile } = chosen;
    const where = sendDestination(profile, { trackerKey: request.trackerKey });
    if (!where.ok) return inSettings(where);
    const { endpoint, trackerKey } = where.destination;
    const body = expandDraft(draftOf(request), trackerKey, { now, uuid });
    const checked = trackRequestSchema.safeParse(body);
    if (!checked.success) {
      const problem = describeZodError(checked.error, 'unknown problem');
      return {
        ok: false as const,
        message: `Once its placeholders are filled in, the request is not valid: ${problem}.`,
        fix: 'request' as const,
      };
    }
    return {
      ok: true as const,
      profile,
      endpoint,
      trackerKey,
      events: checked.data.events,
      bodyText: JSON.stringify(checked.data),
    };
  }

  /**
   * Records the events as maybe sent before the request leaves; `settle` then records the answer:
   * sent (2xx), not sent (any other answer), or left "maybe" when none came. A ledger that cannot
   * be written never stops the send; it is said beside the answer.
   */
  async function notedAsMaybe(
    prepared: { trackerKey: string; endpoint: string; events: readonly TrackEvent[] },
    at: number,
  ): Promise<{ settle(result: SendHistoryEntry['result']): Promise<string | null> }> {
    const fingerprints = prepared.events.map(eventFingerprint);
    const failed = (error: unknown) =>
      `The event was sent, but the app could not note it for its duplicate guard: ${error instanceof Error ? error.message : String(error)}`;
    if (!options.ledgerOf) return { settle: () => Promise.resolve(null) };
    let run: LedgerRun;
    try {
      run = await options.ledgerOf(prepared).startRun({
        kind: 'send',
        label: '',
        at: new Date(at).toISOString(),
      });
      await run.record(fingerprints, STATUS.maybe);
    } catch (error) {
      return { settle: () => Promise.resolve(failed(error)) };
    }
    return {
      async settle(result) {
        try {
          if (result.kind === 'response') {
            const arrived = result.status >= 200 && result.status < 300;
            await run.record(fingerprints, arrived ? STATUS.sent : STATUS.none);
          }
          await run.close();
          return null;
        } catch (error) {
          return failed(error);
        }
      },
    };
  }

  return {
    async target() {
      const profile = await options.settings.activeProfile();
      const where = sendDestination(profile);
      const key = await keyStateOf(options, profile);
      const problem = where.ok ? key.problem : where.message;
      return {
        profileId: profile.id,
        profileName: profile.name,
        endpoint: profile.endpoint,
        trackerKey: profile.trackerKey,
        keyState: key.state,
        problem,
      };
    },

    async send(request) {
      const sentAt = wallNow();
      const prepared = await prepare(request, sentAt);
      if (!prepared.ok) throw notSent(prepared);
      const key = await sendingKey(options.secrets, prepared.profile);
      if (!key.ok) throw notSent(inSettings(key));

      const noted = await notedAsMaybe(prepared, sentAt);
      const started = monotonicNow();
      const result = await exchange({
        fetch,
        endpoint: prepared.endpoint,
        key: key.key,
        body: prepared.bodyText,
        timeoutMs,
        wallNow,
      });
      const entry: SendHistoryEntry = {
        id: newHistoryId(sentAt),
        sentAt,
        durationMs: Math.max(0, Math.round(monotonicNow() - started)),
        profile: { id: prepared.profile.id, name: prepared.profile.name },
        endpoint: prepared.endpoint,
        request: draftOf(request),
        requestBody: prepared.bodyText,
        result,
      };
      const problems: string[] = [];
      try {
        await options.history.add(entry);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push(`The request was sent, but it could not be added to the history: ${reason}`);
      }
      const ledgerProblem = await noted.settle(result);
      if (ledgerProblem !== null) problems.push(ledgerProblem);
      return { entry, historyProblem: problems.length > 0 ? problems.join(' ') : null };
    },

    async curl(request) {
      const prepared = await prepare(request, wallNow());
      if (!prepared.ok) throw notSent(prepared);
      let key: string | null = null;
      if (request.reveal) {
        const found = await sendingKey(options.secrets, prepared.profile);
        if (!found.ok) throw notSent(inSettings(found));
        key = found.key;
      }
      const command = buildCurlCommand({
        endpoint: prepared.endpoint,
        body: prepared.bodyText,
        key,
      });
      try {
        await options.clipboard.writeText(command);
      } catch {
        throw new UserError('refused', 'The command could not be put on the clipboard. Try again.');
      }
      // The key must not sit on the clipboard for whatever is pasted next, hours later.
      if (key !== null) clearer.clearLater(command);
      return { revealed: key !== null, command: key === null ? command : null };
    },
  };
}
