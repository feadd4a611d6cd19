import type { RateBucket, Store } from '../store';

/**
 * GitHub's primary REST rate limit (docs: rate-limits-for-the-rest-api), on the store's
 * per-user buckets (shared with the GraphQL side): 5,000 requests per hour per user for tokens,
 * 60 per hour per client address without one. `GET /rate_limit` and 304 answers cost nothing;
 * the pipeline decides what to spend.
 */
export const UNAUTHENTICATED_LIMIT = 60;

/** A caller's bucket of `resource`: the user's for tokens, the client address's without one. */
export function callerBucket(
  store: Store,
  login: string | null,
  forwardedFor: string | null,
  resource = 'core',
  anonymousLimit = UNAUTHENTICATED_LIMIT,
): RateBucket {
  return login ? store.rateBucket(login, resource) : store.rateBucket(`ip:${forwardedFor ?? '127.0.0.1'}`, resource, anonymousLimit);
}

export function rateLimitHeaders(bucket: RateBucket): Record<string, string> {
  return {
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(Math.max(0, bucket.limit - bucket.used)),
    'x-ratelimit-reset': String(bucket.reset),
    'x-ratelimit-used': String(bucket.used),
    'x-ratelimit-resource': bucket.resource,
  };
}

export function rateLimitBody(bucket: RateBucket): { limit: number; remaining: number; reset: number; used: number } {
  return { limit: bucket.limit, remaining: Math.max(0, bucket.limit - bucket.used), reset: bucket.reset, used: bucket.used };
}
