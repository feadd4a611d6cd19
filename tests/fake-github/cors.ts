/**
 * api.github.com allows CORS from any origin, on every answer — REST, GraphQL, errors and
 * rate-limit refusals alike — and answers preflights without a token (GitHub's "Using CORS and
 * JSONP to make cross-origin requests"). github.com's `/login/*` does not, so this is for the
 * api site only.
 */
const EXPOSED = [
  'ETag',
  'Link',
  'Location',
  'Retry-After',
  'X-GitHub-OTP',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Used',
  'X-RateLimit-Resource',
  'X-RateLimit-Reset',
  'X-OAuth-Scopes',
  'X-Accepted-OAuth-Scopes',
  'X-Poll-Interval',
  'X-GitHub-Media-Type',
  'X-GitHub-SSO',
  'X-GitHub-Request-Id',
  'Deprecation',
  'Sunset',
].join(', ');

export function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-headers':
        'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, GraphQL-Features, X-GitHub-Api-Version',
      'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
      'access-control-max-age': '86400',
    },
  });
}

/** Adds the CORS headers every api.github.com answer carries. */
export function withCors(response: Response): Response {
  response.headers.set('access-control-allow-origin', '*');
  response.headers.set('access-control-expose-headers', EXPOSED);
  return response;
}
