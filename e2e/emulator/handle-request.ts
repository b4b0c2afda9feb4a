import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultDecision, FaultPlan } from './faults';
import type { SlidingWindowLimiter } from './rate-limiter';
import { readBodyCapped } from './read-body';
import type { KeyVerdict, ReceivedEvent, RejectEvent, RequestRecord } from './types';
import { checkTrackBody } from './validate-body';

const KEY_HEADER = 'customerscore-key';

/** Everything a request handler reads and writes; owned by `startEmulator`. */
export interface EmulatorState {
  path: string;
  apiKeys: ReadonlySet<string>;
  forbiddenKeys: ReadonlySet<string>;
  trackerKeys: ReadonlySet<string>;
  maxBodyBytes: number;
  maxEvents: number;
  limiter: SlidingWindowLimiter | null;
  plan: FaultPlan;
  rejectEvent: RejectEvent | null;
  received: ReceivedEvent[];
  requests: RequestRecord[];
  hanging: Set<ServerResponse>;
  nextId: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onRequest: ((record: RequestRecord) => void) | null;
}

function judgeKey(state: EmulatorState, value: string | string[] | undefined): KeyVerdict {
  if (value === undefined || value === '') return 'missing';
  if (typeof value !== 'string') return 'invalid';
  if (state.apiKeys.has(value)) return 'valid';
  if (state.forbiddenKeys.has(value)) return 'forbidden';
  return 'invalid';
}

function isJsonContentType(value: string | undefined): boolean {
  const mediaType = (value ?? '').split(';', 1)[0] ?? '';
  return mediaType.trim().toLowerCase() === 'application/json';
}

function answer(
  state: EmulatorState,
  response: ServerResponse,
  record: RequestRecord,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  record.status = status;
  record.outcome = 'answered';
  record.message = status === 200 ? null : message;
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify({ message }));
  state.onRequest?.(record);
}

function cut(state: EmulatorState, request: IncomingMessage, record: RequestRecord): void {
  request.socket.destroy();
  state.onRequest?.(record);
}

/** Serves one request: the documented contract, with the planned fault applied. */
export async function handleRequest(
  state: EmulatorState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const record: RequestRecord = {
    id: state.nextId++,
    at: state.now(),
    method: request.method ?? '',
    path: new URL(request.url ?? '/', 'http://emulator.invalid').pathname,
    key: judgeKey(state, request.headers[KEY_HEADER]),
    status: null,
    outcome: 'answered',
    events: 0,
    bytes: 0,
    fault: null,
    latencyMs: 0,
    message: null,
  };
  state.requests.push(record);
  const read = await readBodyCapped(request, state.maxBodyBytes);
  record.bytes = read.bytes;
  if (read.aborted) {
    record.outcome = 'reset-before';
    state.onRequest?.(record);
    return;
  }
  if (record.path !== state.path) return answer(state, response, record, 404, 'Not found');
  if (record.method !== 'POST') {
    return answer(state, response, record, 405, 'Method Not Allowed: only POST is accepted', {
      Allow: 'POST',
    });
  }
  const fault = state.plan.next();
  record.fault = fault.fault;
  record.latencyMs = fault.latencyMs;
  if (fault.latencyMs > 0) await state.sleep(fault.latencyMs);
  if (applyFaultBeforeProcessing(state, request, response, record, fault)) return;

  if (record.key === 'missing' || record.key === 'invalid') {
    return answer(state, response, record, 401, 'Missing or invalid customerscore-key');
  }
  if (record.key === 'forbidden') {
    return answer(state, response, record, 403, 'The key does not have permission');
  }
  const admission = state.limiter?.admit(request.headers[KEY_HEADER] as string, record.at);
  if (admission && !admission.ok) {
    return answer(state, response, record, 429, 'Too Many Requests', {
      'Retry-After': String(admission.retryAfterSeconds),
    });
  }
  const problem = processBody(state, request, read.body, record);
  if (problem !== null) return answer(state, response, record, 400, problem);
  if (fault.fault === 'resetAfter') {
    record.outcome = 'reset-after';
    return cut(state, request, record);
  }
  answer(
    state,
    response,
    record,
    200,
    `${record.events} ${record.events === 1 ? 'event' : 'events'} received`,
  );
}

/** Applies the faults that strike before the request is looked at; true when it was handled. */
function applyFaultBeforeProcessing(
  state: EmulatorState,
  request: IncomingMessage,
  response: ServerResponse,
  record: RequestRecord,
  fault: FaultDecision,
): boolean {
  switch (fault.fault) {
    case 'resetBefore':
      record.outcome = 'reset-before';
      cut(state, request, record);
      return true;
    case 'hang':
      record.outcome = 'hang';
      state.hanging.add(response);
      response.on('close', () => state.hanging.delete(response));
      state.onRequest?.(record);
      return true;
    case 'serverError': {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== null)
        headers['Retry-After'] = String(fault.retryAfterSeconds);
      answer(state, response, record, fault.status, 'Simulated server error', headers);
      return true;
    }
    case 'tooManyRequests':
      answer(state, response, record, 429, 'Too Many Requests', {
        'Retry-After': String(fault.retryAfterSeconds ?? 1),
      });
      return true;
    default:
      return false;
  }
}

/** Validates and records the events; returns the 400 message when the batch is refused. */
function processBody(
  state: EmulatorState,
  request: IncomingMessage,
  body: Buffer | null,
  record: RequestRecord,
): string | null {
  if (!isJsonContentType(request.headers['content-type'])) {
    return 'Content-Type must be application/json';
  }
  // The doc lists no 413: an oversized body is a bad request like any other.
  if (body === null) return `The request body is larger than ${state.maxBodyBytes} bytes`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'Invalid JSON';
  }
  const events = (parsed as { events?: unknown } | null)?.events;
  if (Array.isArray(events)) record.events = events.length;
  const check = checkTrackBody(parsed, state.maxEvents);
  if (!check.ok) return check.message;
  if (!state.trackerKeys.has(check.trackerKey)) return 'Unknown trackerKey';
  if (state.rejectEvent) {
    for (const [index, event] of check.events.entries()) {
      const message = state.rejectEvent(event, index);
      if (message !== null) return message;
    }
  }
  for (const event of check.events) {
    state.received.push({ trackerKey: check.trackerKey, event, requestId: record.id });
  }
  return null;
}
