import { ciActive } from './ci-status';
import type { LiveData } from './live-query';

/**
 * Follows the commits of an open page whose CI is queued or running until it finishes, so a
 * status turns green and results appear without a reload. Waits back off while nothing changes,
 * start again short when something does, give way to the rate limit, and stop when the page is
 * left (the signal) or nothing is moving. Every wait goes through the injected `sleep`.
 */

export interface FollowOptions {
  /** Asks GitHub again for these commits' live data (`fetchLive`). */
  refresh: (shas: string[]) => Promise<{ live: Map<string, LiveData>; rateLimit?: { remaining: number; resetAt: string } }>;
  /** Called with each answer, so the page redraws the rows it names. */
  onLive: (live: Map<string, LiveData>) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Aborted when the page is left. */
  signal: AbortSignal;
  /** First wait and the longest one, in ms. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** GraphQL points kept for the user's own page views: below this, wait for the hour's reset. */
  reservePoints?: number;
}

export const FOLLOW_FIRST_DELAY_MS = 15_000;
export const FOLLOW_MAX_DELAY_MS = 300_000;
export const FOLLOW_RESERVE_POINTS = 500;

/** The commits of `live` worth following: some check still queued or running. */
export function activeShas(live: Map<string, LiveData>): string[] {
  return [...live].filter(([, d]) => ciActive(d.ci)).map(([sha]) => sha);
}

/** Runs until nothing is active or the signal aborts; resolves then. A failed refresh stops the following (the page keeps what it has). */
export async function followActive(initial: Map<string, LiveData>, options: FollowOptions): Promise<void> {
  const first = options.firstDelayMs ?? FOLLOW_FIRST_DELAY_MS;
  const max = options.maxDelayMs ?? FOLLOW_MAX_DELAY_MS;
  const reserve = options.reservePoints ?? FOLLOW_RESERVE_POINTS;
  let active = activeShas(initial);
  let delay = first;
  let last = fingerprint(initial, active);
  while (active.length > 0 && !options.signal.aborted) {
    await options.sleep(delay);
    if (options.signal.aborted) return;
    const answer = await options.refresh(active);
    if (options.signal.aborted) return;
    options.onLive(answer.live);
    const next = fingerprint(answer.live, active);
    delay = next === last ? Math.min(delay * 2, max) : first;
    last = next;
    active = activeShas(answer.live);
    const rate = answer.rateLimit;
    if (rate && rate.remaining < reserve) delay = Math.max(delay, Date.parse(rate.resetAt) - options.now());
  }
}

/** What a refresh can change: each followed commit's checks and reports. */
function fingerprint(live: Map<string, LiveData>, shas: string[]): string {
  return JSON.stringify(shas.map((sha) => live.get(sha) ?? null));
}
