/**
 * Time as the fake sees it. Tests that exercise waits (rate-limit resets, device-flow intervals,
 * token expiry) swap in a manual clock and advance it instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let t = startMs;
  return {
    now: () => t,
    advance: (ms) => void (t += ms),
    set: (ms) => void (t = ms),
  };
}

/**
 * Every wait the fake asks a client for, in seconds. GitHub's own values are the defaults;
 * tests set them to zero so a client that honours them never sleeps.
 */
export interface Waits {
  /** `retry-after` on secondary rate limits (GitHub's fallback advice is 60 s). */
  retryAfterSeconds: number;
  /** How far `x-ratelimit-reset` lies ahead for a count-limited primary rate-limit fault. */
  primaryResetSeconds: number;
  /** The device flow's initial polling `interval` (GitHub: 5). */
  deviceIntervalSeconds: number;
  /** What `slow_down` adds to the interval (GitHub: 5). */
  slowDownStepSeconds: number;
}

export const githubWaits: Readonly<Waits> = {
  retryAfterSeconds: 60,
  primaryResetSeconds: 3600,
  deviceIntervalSeconds: 5,
  slowDownStepSeconds: 5,
};

export const zeroWaits: Readonly<Waits> = {
  retryAfterSeconds: 0,
  primaryResetSeconds: 0,
  deviceIntervalSeconds: 0,
  slowDownStepSeconds: 0,
};
