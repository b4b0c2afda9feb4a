import type { FaultName, FaultSettings, FaultStep, StormSettings } from './types';

/** The fault decided for one request (`null`: process it normally). */
export interface FaultDecision {
  fault: FaultName | null;
  status: number;
  retryAfterSeconds: number | null;
  latencyMs: number;
}

/** mulberry32: tiny, fast and good enough to make fault sequences reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANDOM_FAULTS = ['serverError', 'resetBefore', 'resetAfter', 'hang'] as const;

/** Throws on probabilities outside 0..1 or summing past 1, so a typo cannot silently do nothing. */
export function checkFaultSettings(settings: FaultSettings): void {
  let sum = 0;
  for (const name of RANDOM_FAULTS) {
    const p = settings[name] ?? 0;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1.`);
    sum += p;
  }
  if (sum > 1) throw new RangeError('The fault probabilities add up to more than 1.');
  const latency = settings.latencyMs;
  if (typeof latency === 'object' && !(latency.min >= 0 && latency.max >= latency.min)) {
    throw new RangeError('faults.latencyMs needs 0 <= min <= max.');
  }
}

interface ActiveStorm {
  until: number | null;
  remaining: number | null;
  retryAfterSeconds: number;
}

/** Decides each request's fault: scripted steps first, then a storm, then the seeded random. */
export class FaultPlan {
  private settings: FaultSettings;
  private steps: FaultStep[] = [];
  private storm: ActiveStorm | null = null;

  constructor(
    settings: FaultSettings,
    private readonly random: () => number,
    private readonly now: () => number,
  ) {
    checkFaultSettings(settings);
    this.settings = { ...settings };
  }

  setSettings(settings: FaultSettings): void {
    checkFaultSettings(settings);
    this.settings = { ...settings };
  }

  script(steps: readonly FaultStep[]): void {
    this.steps.push(...steps);
  }

  startStorm(storm: StormSettings): void {
    this.storm = {
      until: storm.forMs === undefined ? null : this.now() + storm.forMs,
      remaining: storm.forRequests ?? null,
      retryAfterSeconds: Math.max(1, Math.ceil(storm.retryAfterSeconds ?? 1)),
    };
  }

  stopStorm(): void {
    this.storm = null;
  }

  clearScriptAndStorm(): void {
    this.steps = [];
    this.storm = null;
  }

  next(): FaultDecision {
    const step = this.steps.shift();
    if (step) return this.fromStep(step);
    const stormRetryAfter = this.takeStorm();
    // The random draw happens for every request outside scripts, storm or not, so that a storm
    // does not shift the sequence of random faults that follows it.
    const draw = this.random();
    const latencyMs = this.drawLatency();
    if (stormRetryAfter !== null) {
      return {
        fault: 'tooManyRequests',
        status: 429,
        retryAfterSeconds: stormRetryAfter,
        latencyMs,
      };
    }
    let threshold = 0;
    for (const name of RANDOM_FAULTS) {
      threshold += this.settings[name] ?? 0;
      if (draw < threshold) {
        const serverError = name === 'serverError';
        return {
          fault: name,
          status: serverError ? (this.settings.serverErrorStatus ?? 503) : 0,
          retryAfterSeconds: serverError
            ? (this.settings.serverErrorRetryAfterSeconds ?? null)
            : null,
          latencyMs,
        };
      }
    }
    return { fault: null, status: 0, retryAfterSeconds: null, latencyMs };
  }

  private fromStep(step: FaultStep): FaultDecision {
    const latencyMs = step.latencyMs ?? 0;
    switch (step.fault) {
      case 'ok':
        return { fault: null, status: 0, retryAfterSeconds: null, latencyMs };
      case 'serverError':
        return {
          fault: 'serverError',
          status: step.status ?? 503,
          retryAfterSeconds: step.retryAfterSeconds ?? null,
          latencyMs,
        };
      case 'tooManyRequests':
        return {
          fault: 'tooManyRequests',
          status: 429,
          retryAfterSeconds: Math.max(1, Math.ceil(step.retryAfterSeconds ?? 1)),
          latencyMs,
        };
      default:
        return { fault: step.fault, status: 0, retryAfterSeconds: null, latencyMs };
    }
  }

  /** The storm's Retry-After if it covers this request (and counts the request against it). */
  private takeStorm(): number | null {
    const storm = this.storm;
    if (!storm) return null;
    if (storm.until !== null && this.now() >= storm.until) {
      this.storm = null;
      return null;
    }
    if (storm.remaining !== null) {
      if (storm.remaining <= 0) {
        this.storm = null;
        return null;
      }
      storm.remaining -= 1;
    }
    return storm.retryAfterSeconds;
  }

  private drawLatency(): number {
    const latency = this.settings.latencyMs;
    if (latency === undefined) return 0;
    if (typeof latency === 'number') return latency;
    return Math.round(latency.min + this.random() * (latency.max - latency.min));
  }
}
