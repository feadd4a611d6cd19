import {
  BadCredentialsError,
  GitHubError,
  MissingPermissionError,
  NotFoundError,
  RateLimitedError,
  RefusedError,
  SsoRequiredError,
  UnavailableError,
} from './errors';

/** One entry of a GraphQL `errors` list, as GitHub sends it. */
export interface GraphQLProblem {
  message: string;
  type?: string;
  /** `graphql_rate_limit` on GitHub's current rate-limit error (a top-level field, not in extensions). */
  code?: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

type Headers = Record<string, string | number | undefined>;

/** What Octokit throws, seen by shape (its error classes are not our dependencies). */
interface OctokitFailure {
  name?: string;
  status?: number;
  message?: string;
  /** RequestError */
  response?: { headers?: Headers; data?: unknown };
  /** GraphqlResponseError */
  headers?: Headers;
  errors?: GraphQLProblem[];
}

function header(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** `RATE_LIMIT` + `graphql_rate_limit` since 2025; `RATE_LIMITED` before (both still seen). */
export function isGraphQLRateLimit(problem: GraphQLProblem): boolean {
  return problem.type === 'RATE_LIMITED' || problem.type === 'RATE_LIMIT' || problem.code === 'graphql_rate_limit';
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The typed error for a limit: primary by `x-ratelimit-remaining: 0` and its reset, secondary by `retry-after` or its wording. */
function rateLimit(headers: Headers | undefined, message: string, now: number): RateLimitedError | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined || /\bsecondary rate\b/i.test(message)) {
    // GitHub's advice when it gives no retry-after: wait at least a minute.
    const limit = /\bcontent creation\b/i.test(message) ? 'content-creation' : 'secondary';
    return new RateLimitedError(new Date(now + (Number(retryAfter) || 60) * 1000), limit);
  }
  const reset = header(headers, 'x-ratelimit-reset');
  if (header(headers, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message)) {
    return new RateLimitedError(new Date(reset ? Number(reset) * 1000 : now + 60_000), 'primary');
  }
  return undefined;
}

function forbidden(headers: Headers | undefined, message: string, now: number): GitHubError {
  const sso = header(headers, 'x-github-sso');
  if (sso !== undefined) return new SsoRequiredError(/url=(\S+)/.exec(sso)?.[1]);
  const limited = rateLimit(headers, message, now);
  if (limited) return limited;
  const permissions = list(header(headers, 'x-accepted-github-permissions'));
  if (permissions.length > 0) return new MissingPermissionError(permissions, 'fine-grained');
  const accepted = list(header(headers, 'x-accepted-oauth-scopes'));
  const held = list(header(headers, 'x-oauth-scopes'));
  if (accepted.length > 0)
    return new MissingPermissionError(
      accepted.filter((s) => !held.includes(s)),
      'classic',
    );
  return new MissingPermissionError([], header(headers, 'x-oauth-scopes') !== undefined ? 'classic' : 'unknown');
}

/** A GraphQL error list (no HTTP failure): the first fatal problem decides. */
export function fromGraphQLProblems(problems: GraphQLProblem[], headers: Headers | undefined, now: number, what: string): GitHubError {
  const limited = problems.find(isGraphQLRateLimit);
  if (limited) return rateLimit({ ...headers, 'x-ratelimit-remaining': '0' }, limited.message, now)!;
  const first = problems[0];
  switch (first?.type) {
    case 'NOT_FOUND':
      return new NotFoundError(what);
    case 'FORBIDDEN':
      return forbidden(headers, first.message, now);
  }
  if (first && /Something went wrong while executing your query/.test(first.message)) return new UnavailableError(undefined);
  return new RefusedError(200, first?.message ?? 'an empty GraphQL error');
}

/**
 * Turns whatever a GitHub call threw into its typed error. `what` names the thing asked for
 * ("acme/mnist") for the not-found sentence.
 */
export function toGitHubError(error: unknown, now: number, what: string): GitHubError {
  if (error instanceof GitHubError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as OctokitFailure;
  const headers = failure.response?.headers ?? failure.headers;
  const data = failure.response?.data as { message?: unknown; errors?: GraphQLProblem[] } | undefined;
  const message = typeof data?.message === 'string' ? data.message : (failure.message ?? '');
  const problems = failure.errors ?? data?.errors;
  if (Array.isArray(problems) && problems.length > 0 && (failure.status === undefined || failure.status === 200)) {
    return fromGraphQLProblems(problems, headers, now, what);
  }
  const status = failure.status;
  // @octokit/request reports a failed fetch (dropped connection) as status 500 without a response.
  if (status === undefined || status >= 500 || !failure.response) return new UnavailableError(failure.response && status ? status : undefined);
  if (status === 401) return new BadCredentialsError();
  if (status === 403 || status === 429) return forbidden(headers, message, now);
  if (status === 404) return new NotFoundError(what);
  return new RefusedError(status, message || `HTTP ${status}`);
}
