import { createHash } from 'node:crypto';
import { compileTemplate, matchTemplate } from '../openapi/match';
import { PRIMARY_RATE_LIMIT_DOCS, primaryRateLimitMessage } from '../rate-limit-messages';
import { splitOperation, type ServedOperation } from '../openapi/served';
import type { FakeRequest, Handler } from '../server';
import type { Store, User } from '../store';
import type { TokenRecord } from '../tokens';
import { ACCESS, acceptedPermissionsHeader, authorize } from './access';
import { notFound, REST_DOCS, RestError } from './errors';
import { callerBucket, rateLimitHeaders } from './rate-limit';
import type { Route, RouteResult } from './route';
import { Links } from './shapes/links';

export interface RestOptions {
  store: Store;
  routes: Record<ServedOperation, Route>;
  /** Base of the `url` fields in answers; GitHub's own by default. */
  apiBase?: string;
  /** docs URL of each operation, for error bodies (from the vendored description). */
  docs?: Partial<Record<string, string>>;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === bare);
}

/**
 * The REST side of the fake: routes every operation of `routes` through what
 * GitHub does around a handler — token check (401 for a dead token), the primary rate limit
 * (403 when spent; `GET /rate_limit` and 304s are free), repository lookup and permission
 * (access.ts), JSON parsing (400), conditional GETs (ETag → 304) — and adds GitHub's headers.
 */
export function restHandler(options: RestOptions): Handler {
  const { store, routes } = options;
  const links = new Links(options.apiBase ?? 'https://api.github.com', store);
  const byMethod = new Map<string, ReturnType<typeof compileTemplate<ServedOperation>>[]>();
  // Dispatch on the routes table itself, so what is served is exactly what has a route.
  for (const op of Object.keys(routes) as ServedOperation[]) {
    const { method, path } = splitOperation(op);
    byMethod.set(method, [...(byMethod.get(method) ?? []), compileTemplate(path, op)]);
  }
  let requestId = 0;

  return async (req: FakeRequest) => {
    if (req.site !== 'api' || req.path === '/graphql') return undefined;
    const found = matchTemplate(byMethod.get(req.method) ?? [], req.path);
    if (!found) return undefined;
    const operation = found.template.value;
    const docs = options.docs?.[operation] ?? REST_DOCS;
    const rule = ACCESS[operation];

    const auth = store.tokens.resolve(req.headers.get('authorization'));
    const token: TokenRecord | null = auth && auth.record.kind !== 'expired' ? auth.record : null;
    const user: User | null = token ? auth!.user : null;
    const bucket = callerBucket(store, user?.login ?? null, req.headers.get('x-forwarded-for'));
    const free = operation === 'GET /rate_limit';

    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${(++requestId).toString(16).toUpperCase()}`,
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
    };
    if (token?.kind === 'classic' || token?.kind === 'sso') {
      headers['x-oauth-scopes'] = token.scopes.join(', ');
      headers['x-accepted-oauth-scopes'] = rule.acceptedScopes;
    } else if (token && rule.permissions) {
      headers['x-accepted-github-permissions'] = acceptedPermissionsHeader(rule);
    }

    const answer = (result: RouteResult, spend: boolean): Response => {
      if (spend && !free) bucket.used++;
      const out: Record<string, string> = { ...headers, ...rateLimitHeaders(bucket), ...result.headers };
      if (result.status === 304) return new Response(null, { status: 304, headers: out });
      if (result.raw) {
        out['content-type'] = result.raw.contentType;
        out['x-github-media-type'] = result.raw.mediaType;
        return new Response(new Uint8Array(result.raw.data), { status: result.status, headers: out });
      }
      out['content-type'] = 'application/json; charset=utf-8';
      out['x-github-media-type'] ??= 'github.v3; format=json';
      return new Response(result.json === undefined ? null : JSON.stringify(result.json), { status: result.status, headers: out });
    };
    const fail = (error: RestError, spend: boolean): Response =>
      answer({ status: error.status, json: error.body(docs), headers: error.options.headers }, spend);

    if (auth && auth.record.kind === 'expired') return fail(new RestError(401, 'Bad credentials', { documentationUrl: REST_DOCS }), false);
    if (!free && bucket.used >= bucket.limit) {
      const caller = user ? { userId: user.databaseId } : { ip: req.headers.get('x-forwarded-for') ?? '127.0.0.1' };
      return fail(new RestError(403, primaryRateLimitMessage(caller), { documentationUrl: PRIMARY_RATE_LIMIT_DOCS }), false);
    }

    try {
      const { owner, repo: name } = found.params;
      const repo = owner !== undefined && name !== undefined ? store.repository(owner, name) : undefined;
      if (owner !== undefined && !repo) throw notFound();
      authorize(rule, req.method, token, repo, store);
      const body = parseBody(req);
      const result = await routes[operation]({ req, params: found.params, query: req.url.searchParams, token, user, repo: repo!, store, links, body });
      // GitHub tags every successful answer, writes included (see the recorded POST git/refs).
      if (result.status >= 200 && result.status < 300) {
        const payload = result.etagKey ?? (result.raw ? Buffer.from(result.raw.data) : JSON.stringify(result.json));
        const etag = `"${createHash('sha256')
          .update(`${user?.login ?? ''}\n`)
          .update(payload)
          .digest('hex')
          .slice(0, 32)}"`;
        headers.etag = etag;
        headers['cache-control'] = user ? 'private, max-age=60, s-maxage=60' : 'public, max-age=60, s-maxage=60';
        // A conditional request answered 304 does not count against the primary rate limit.
        if (req.method === 'GET' && etagMatches(req.headers.get('if-none-match'), etag)) return answer({ status: 304 }, false);
      }
      return answer(result, true);
    } catch (error) {
      if (error instanceof RestError) return fail(error, true);
      throw error;
    }
  };
}

function parseBody(req: FakeRequest): Record<string, unknown> {
  if (req.method === 'GET' || req.body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = req.json();
  } catch {
    throw new RestError(400, 'Problems parsing JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RestError(400, 'Body should be a JSON object');
  return parsed as Record<string, unknown>;
}
