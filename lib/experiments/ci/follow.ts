import { ciActive, type CiStatus } from './ci-status';

/**
 * Follows the commits of an open page whose CI is queued or running until it finishes, so a
 * status turns green and results appear without a reload. Waits back off while nothing changes,
 * start again short when something does, give way to the rate limit, and stop when the page is
 * left (the signal) or nothing is moving. Every wait goes through the injected `sleep`.
 */

/** Anything that says a commit's CI: live data, or a whole row. */
export type Followed = { ci?: CiStatus | undefined };

export interface FollowOptions<T extends Followed> {
  /** Asks GitHub again for these commits (`fetchLive`, or the page's rows again). */
  refresh: (shas: string[]) => Promise<{ items: Map<string, T>; rateLimit?: { remaining: number; resetAt: string } }>;
  /** Called with each answer, so the page redraws the rows it names. */
  onUpdate: (items: Map<string, T>) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Aborted when the page is left. */
  signal: AbortSignal;
  /** First wait and the longest one, in ms. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** GraphQL points kept for the user's own page views: below this, wait for the hour's reset. */
  reservePoints?: number;
  /**
   * Commits just made whose CI has not said anything yet (no check run, no status: GitHub creates
   * them a little after the push): followed as if active, with the same backoff, until a status
   * appears (then followed to its end like any other) or `awaitMs` of waiting has passed.
   */
  awaiting?: Iterable<string>;
  awaitMs?: number;
}

export const FOLLOW_FIRST_DELAY_MS = 15_000;
export const FOLLOW_MAX_DELAY_MS = 300_000;
export const FOLLOW_RESERVE_POINTS = 500;
/** How long a just-made commit's silent CI is waited for: GitHub starts a workflow within seconds to minutes of a push. */
export const FOLLOW_AWAIT_MS = 300_000;

/** The commits worth following: some check still queued or running. */
export function activeShas(items: Map<string, Followed>): string[] {
  return [...items].filter(([, d]) => d.ci !== undefined && ciActive(d.ci)).map(([sha]) => sha);
}

/** Runs until nothing is active or the signal aborts; resolves then. A failed refresh stops the following (the page keeps what it has). */
export async function followActive<T extends Followed>(initial: Map<string, T>, options: FollowOptions<T>): Promise<void> {
  const first = options.firstDelayMs ?? FOLLOW_FIRST_DELAY_MS;
  const max = options.maxDelayMs ?? FOLLOW_MAX_DELAY_MS;
  const reserve = options.reservePoints ?? FOLLOW_RESERVE_POINTS;
  const awaitMs = options.awaitMs ?? FOLLOW_AWAIT_MS;
  const awaiting = new Set(options.awaiting);
  let waited = 0;
  /** The active commits, and the awaited ones still silent while the wait for them lasts. */
  const toFollow = (items: Map<string, T>) => {
    for (const sha of awaiting) if (!items.has(sha) || (items.get(sha)!.ci?.state ?? 'none') !== 'none' || waited >= awaitMs) awaiting.delete(sha);
    return [...new Set([...activeShas(items), ...awaiting])];
  };
  let active = toFollow(initial);
  let backoff = first;
  let wait = first;
  let last = fingerprint(initial, active);
  while (active.length > 0 && !options.signal.aborted) {
    await options.sleep(wait);
    waited += wait;
    if (options.signal.aborted) return;
    const answer = await options.refresh(active);
    if (options.signal.aborted) return;
    options.onUpdate(answer.items);
    const next = fingerprint(answer.items, active);
    backoff = next === last ? Math.min(backoff * 2, max) : first;
    last = next;
    active = toFollow(answer.items);
    const rate = answer.rateLimit;
    // Under the reserve, the next wait lasts until the limit resets; the backoff itself goes on.
    wait = rate && rate.remaining < reserve ? Math.max(backoff, Date.parse(rate.resetAt) - options.now()) : backoff;
  }
}

/** What a refresh can change: each followed commit's checks, reports, results. */
function fingerprint(items: Map<string, Followed>, shas: string[]): string {
  return JSON.stringify(shas.map((sha) => items.get(sha) ?? null));
}
