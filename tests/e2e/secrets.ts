import type { LoggedBrowserRequest } from './fixtures';

/**
 * Where GitHub's secrets may go: an access token (classic `ghp_`, OAuth `gho_`,
 * App user `ghu_`, fine-grained `github_pat_`) only in the Authorization header of a request to a
 * GitHub API host — api.github.com, or `/api/v3/…` and `/api/graphql` on a GitHub Enterprise
 * origin; a refresh token (`ghr_`) only in the body of a POST to an OAuth host's
 * `/login/oauth/access_token`. Tokens are found by GitHub's own prefixes anywhere in a request.
 */
const TOKEN = /\b(?:gh[opusr]_[A-Za-z0-9_]+|github_pat_[A-Za-z0-9_]+)/g;

/** A remote's own credentials (Basic auth, a SigV4 signature), which the user entered for exactly that remote: allowed on the fake's DVC remotes only. */
const REMOTE_AUTH = /^(Basic |AWS4-HMAC-SHA256 )/;
const isFakeRemote = (url: URL) => /^\/_(dvc|s3)\//.test(url.pathname);

function isApiUrl(url: URL): boolean {
  return (url.protocol === 'https:' && url.host === 'api.github.com') || url.pathname.startsWith('/api/v3/') || url.pathname === '/api/graphql';
}

export interface SecretSighting {
  token: string;
  url: string;
  where: 'url' | 'header' | 'body';
}

export function secretsIn(request: LoggedBrowserRequest): SecretSighting[] {
  const found = (text: string, where: SecretSighting['where']) => [...text.matchAll(TOKEN)].map(([token]) => ({ token, url: request.url, where }));
  return [
    ...found(decodeURIComponent(request.url), 'url'),
    ...Object.entries(request.headers).flatMap(([name, value]) => found(`${name}: ${value}`, 'header')),
    ...found(request.postData ?? '', 'body'),
  ];
}

/** A request's Authorization where it does not belong: off an API host, and not a remote's own credentials on its remote. */
function foreignAuthorization(request: LoggedBrowserRequest): boolean {
  const { authorization } = request.headers;
  if (authorization === undefined) return false;
  const url = new URL(request.url);
  return !isApiUrl(url) && !(isFakeRemote(url) && REMOTE_AUTH.test(authorization));
}

/** Every sighting of a token where it must not be, and any Authorization off an API host (but a remote's own); empty when all went home. */
export function misplacedSecrets(requests: LoggedBrowserRequest[]): (SecretSighting & { method: string })[] {
  return requests.flatMap((request) => [
    ...(foreignAuthorization(request)
      ? [{ token: request.headers.authorization ?? '', url: request.url, where: 'header' as const, method: request.method }]
      : []),
    ...secretsIn(request)
      .filter((s) => {
        const url = new URL(s.url);
        if (s.token.startsWith('ghr_')) return !(s.where === 'body' && request.method === 'POST' && url.pathname === '/login/oauth/access_token');
        return !(s.where === 'header' && isApiUrl(url) && request.headers.authorization?.endsWith(s.token));
      })
      .map((s) => ({ ...s, method: request.method })),
  ]);
}
