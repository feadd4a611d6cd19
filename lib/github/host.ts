/**
 * Where GitHub's API lives. github.com: REST at `https://api.github.com`, GraphQL at
 * `https://api.github.com/graphql`; GitHub Enterprise Server: `https://HOST/api/v3` and
 * `https://HOST/api/graphql`. The token is sent to these two URLs (and what lies under the REST
 * base) and nowhere else.
 */
export interface GitHubHost {
  /** REST base URL, without a trailing slash. */
  rest: string;
  /** The GraphQL endpoint. */
  graphql: string;
}

export const GITHUB_COM: GitHubHost = { rest: 'https://api.github.com', graphql: 'https://api.github.com/graphql' };

/** A GitHub Enterprise Server host given by its origin (`https://ghe.example.com`); also the fake GitHub's layout. */
export function enterpriseHost(origin: string): GitHubHost {
  const base = new URL(origin).origin;
  return { rest: `${base}/api/v3`, graphql: `${base}/api/graphql` };
}

/** Whether `url` is one of the host's API URLs: the GraphQL endpoint or anything under the REST base, same origin. */
export function isApiUrl(host: GitHubHost, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const under = (base: string, exact: boolean) => {
    const b = new URL(base);
    if (target.origin !== b.origin) return false;
    const path = b.pathname.replace(/\/$/, '');
    return exact ? target.pathname === b.pathname : path === '' || target.pathname === path || target.pathname.startsWith(`${path}/`);
  };
  return under(host.graphql, true) || under(host.rest, false);
}

/**
 * Where a GitHub's web pages and OAuth endpoints are, with its API: github.com splits its API onto
 * api.github.com; GitHub Enterprise Server serves its OAuth at `https://HOST/login/...` too
 * (github/docs `data/variables/product.yml`).
 */
export interface GitHubEndpoints {
  /** The web origin, e.g. `https://github.com` or `https://ghe.example.com`. */
  origin: string;
  api: GitHubHost;
  /** Where the device flow and the refresh grant are posted: the refresh token goes here and nowhere else. */
  deviceCode: string;
  accessToken: string;
}

export const GITHUB_ORIGIN = 'https://github.com';

export function endpointsOf(origin: string): GitHubEndpoints {
  return {
    origin,
    api: origin === GITHUB_ORIGIN ? GITHUB_COM : enterpriseHost(origin),
    deviceCode: `${origin}/login/device/code`,
    accessToken: `${origin}/login/oauth/access_token`,
  };
}

/**
 * The origin a user means by what they typed in options: `ghe.example.com`, `https://ghe.example.com/`
 * or a URL on it. Only https, except plain http on the loopback host, where a GitHub Enterprise
 * test instance (or the test build's fake GitHub) may listen.
 */
export function enterpriseOriginOf(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new Error(`“${text}” is not a host name`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error('GitHub Enterprise Server is reached over https');
  if (url.username || url.password) throw new Error('A host name carries no user name or password');
  if (url.origin === GITHUB_ORIGIN || url.hostname === 'api.github.com') throw new Error('github.com needs no host entry');
  return url.origin;
}
