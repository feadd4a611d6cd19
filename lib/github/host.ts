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
