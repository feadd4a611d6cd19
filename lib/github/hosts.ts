/**
 * Where a GitHub lives. github.com splits its API onto api.github.com; GitHub Enterprise Server
 * serves everything from one host: REST at `/api/v3`, GraphQL at `/api/graphql`, OAuth at
 * `/login/...` (github/docs `data/variables/product.yml`).
 */
export interface GitHubEndpoints {
  /** The web origin, e.g. `https://github.com` or `https://ghe.example.com`. */
  origin: string;
  /** The REST base URL (Octokit's `baseUrl`). */
  api: string;
  graphql: string;
  /** Where the device flow and the refresh grant are posted. */
  deviceCode: string;
  accessToken: string;
}

export const GITHUB_ORIGIN = 'https://github.com';

export function endpointsOf(origin: string): GitHubEndpoints {
  const dotCom = origin === GITHUB_ORIGIN;
  return {
    origin,
    api: dotCom ? 'https://api.github.com' : `${origin}/api/v3`,
    graphql: dotCom ? 'https://api.github.com/graphql' : `${origin}/api/graphql`,
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

/**
 * The match pattern for every page of an origin, as `permissions` and `scripting` take it. Match
 * patterns carry no port (Firefox refuses one; Chrome matches every port without one).
 */
export function originPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
