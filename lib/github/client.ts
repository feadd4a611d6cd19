import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { toGitHubError, type GraphQLProblem } from './classify';
import { RateLimitedError } from './errors';
import { isApiUrl, type GitHubHost } from './host';

export type { GraphQLProblem } from './classify';

/** Waits `ms` milliseconds. Injected so that tests never wait in wall-clock time. */
export type Sleep = (ms: number) => Promise<void>;

export interface ClientOptions {
  host: GitHubHost;
  /** The token, or null to call anonymously. Added by the client's own fetch, to API URLs only. */
  token: string | null;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  /** Rate limits lifting within this many seconds are waited out (through `sleep`), longer ones fail at once. Default 60. */
  maxRateLimitWaitSeconds?: number;
  /** Retries of a 5xx or dropped connection (reads only). Default 3. */
  retries?: number;
}

export interface CallOptions {
  /**
   * `false` for requests that must never be sent twice (mutations): no retry after a 5xx or a
   * dropped connection, no retry after a rate limit. Default true.
   */
  retry?: boolean;
  /** Names the thing asked for in a not-found message ("acme/mnist"). */
  what?: string;
}

export interface GraphQLOptions extends CallOptions {
  /** GraphQL errors the caller handles itself (partial answers); any other error throws its typed error. */
  tolerate?: (problem: GraphQLProblem) => boolean;
}

export interface GitHubClient {
  readonly host: GitHubHost;
  /** Runs Octokit calls; anything they throw comes out as a typed `GitHubError`. */
  call<T>(run: (octokit: Octokit) => Promise<T>, options?: CallOptions): Promise<T>;
  /** One GraphQL request. `errors` holds only tolerated problems. */
  graphql<T>(query: string, variables: Record<string, unknown>, options?: GraphQLOptions): Promise<{ data: T; errors: GraphQLProblem[] }>;
  /** The injected sleep and clock, for callers that pace their own requests (e.g. writes). */
  readonly sleep: Sleep;
  readonly now: () => number;
}

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fetch Octokit uses: the Authorization header is set here, and only for the host's API
 * URLs; any other request has whatever Authorization it carried removed. So no Octokit option,
 * plugin or absolute URL can send the token elsewhere. (A cross-origin redirect drops the
 * header in the browser itself, per the Fetch standard.)
 */
export function guardedFetch(base: typeof fetch, host: GitHubHost, token: string | null): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.delete('authorization');
    if (token !== null && isApiUrl(host, url)) headers.set('authorization', `token ${token}`);
    return base(input instanceof Request ? new Request(input, { headers }) : input, { ...init, headers });
  };
}

/** Plugin-retry's own backoff, (n)² seconds before the n-th retry, taken through the injected sleep. */
function backoffMs(retry: number): number {
  return retry * retry * 1000;
}

/**
 * Registered before plugin-retry and plugin-throttling, so its hook runs inside theirs and sees
 * each attempt: a second attempt of the same request options is a retry, and waits here. The
 * plugins' own timers are set to 0 ms, so every wait goes through `sleep`.
 */
function injectedWaits(sleep: Sleep, rateWaited: WeakSet<object>) {
  return (octokit: { hook: Octokit['hook'] }) => {
    const attempts = new WeakMap<object, number>();
    octokit.hook.wrap('request', async (request, options) => {
      // The plugins send the same options object again on each retry.
      const attempt = attempts.get(options) ?? 0;
      attempts.set(options, attempt + 1);
      if (attempt > 0 && !rateWaited.delete(options)) await sleep(backoffMs(attempt));
      return request(options);
    });
  };
}

function build(options: Required<Omit<ClientOptions, 'fetch'>> & { fetch: typeof fetch }, retrying: boolean): Octokit {
  const rateWaited = new WeakSet<object>();
  const onLimit = async (retryAfter: number, request: object, _octokit: unknown, retryCount: number) => {
    if (!retrying || retryCount > 0 || retryAfter > options.maxRateLimitWaitSeconds) return false;
    rateWaited.add(request);
    await options.sleep(retryAfter * 1000);
    return true;
  };
  const Client = Octokit.plugin(injectedWaits(options.sleep, rateWaited), retry, throttling);
  // The plugin's write and search groups pace with Bottleneck's own timers (1 s, 2 s between
  // calls), which no test could skip: requests go straight through; a caller that must pace
  // (mutations) does it with the client's `sleep`.
  const direct = { key: () => ({ schedule: (_job: unknown, run: () => unknown) => run() }) };
  return new Client({
    baseUrl: options.host.rest,
    request: { fetch: guardedFetch(options.fetch, options.host, options.token) },
    // 429 is a rate limit: plugin-throttling's (and so `onLimit`'s) to wait out or give up, never a blind retry.
    retry: { enabled: retrying, retries: options.retries, retryAfterBaseValue: 0, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      onRateLimit: onLimit,
      onSecondaryRateLimit: onLimit,
      retryAfterBaseValue: 0,
      write: direct,
      search: direct,
      notifications: direct,
    } as never,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** The one GitHub client of the background: REST and GraphQL, throttled, retried, typed errors. */
export function createGitHubClient(options: ClientOptions): GitHubClient {
  const resolved = {
    host: options.host,
    token: options.token,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? realSleep,
    now: options.now ?? (() => Date.now()),
    maxRateLimitWaitSeconds: options.maxRateLimitWaitSeconds ?? 60,
    retries: options.retries ?? 3,
  };
  const retrying = build(resolved, true);
  const once = build(resolved, false);
  const call = async <T>(run: (octokit: Octokit) => Promise<T>, opts: CallOptions = {}): Promise<T> => {
    try {
      return await run(opts.retry === false ? once : retrying);
    } catch (error) {
      throw toGitHubError(error, resolved.now(), opts.what ?? 'what was asked for');
    }
  };
  return {
    host: options.host,
    sleep: resolved.sleep,
    now: resolved.now,
    call,
    async graphql<T>(query: string, variables: Record<string, unknown>, opts: GraphQLOptions = {}) {
      const octokit = opts.retry === false ? once : retrying;
      for (let attempt = 0; ; attempt++) {
        try {
          // Octokit derives the GraphQL URL from the REST base (`/graphql`, or `/api/graphql` beside `/api/v3`), as `GitHubHost` does.
          return { data: await octokit.graphql<T>(query, variables), errors: [] };
        } catch (error) {
          const { data, errors } = error as { data?: T; errors?: GraphQLProblem[] };
          if (data && errors?.every((p) => opts.tolerate?.(p))) return { data, errors };
          const typed = toGitHubError(error, resolved.now(), opts.what ?? 'what was asked for');
          // plugin-throttling waits out only the older `RATE_LIMITED`; GitHub's `RATE_LIMIT` (2025) is waited here.
          const wait = typed instanceof RateLimitedError ? typed.until.getTime() - resolved.now() : Infinity;
          const newForm = errors?.some((p) => p.type === 'RATE_LIMIT' || p.code === 'graphql_rate_limit') ?? false;
          if (opts.retry === false || attempt > 0 || !newForm || wait > resolved.maxRateLimitWaitSeconds * 1000) throw typed;
          await resolved.sleep(Math.max(0, wait) + 1000);
        }
      }
    },
  };
}
