import type { Repository, Store, User } from '../../store';

/**
 * Where the `url`/`html_url` fields of REST answers point: the API base (api.github.com, as
 * GitHub answers, or the fake's own /api/v3 when a test wants to follow them) and the web base
 * (the store's `webBase`).
 */
export class Links {
  constructor(
    readonly api: string,
    readonly store: Store,
  ) {}

  get web(): string {
    return this.store.webBase;
  }

  repo(repo: Repository): string {
    return `${this.api}/repos/${repo.owner}/${repo.name}`;
  }

  repoHtml(repo: Repository): string {
    return `${this.web}/${repo.owner}/${repo.name}`;
  }
}

/** GitHub's legacy global node id format: base64 of `<len>:<Type><id>`. */
export function nodeId(type: string, id: number | string): string {
  const name = `${type}${id}`;
  return Buffer.from(`0${type.length}:${name}`).toString('base64');
}

/** `simple-user`, the user object embedded everywhere. */
export function simpleUser(links: Links, user: User): Record<string, unknown> {
  // An app's bot (`github-actions[bot]`): GitHub percent-encodes the login in API URLs and links the app's page.
  const url = `${links.api}/users/${encodeURIComponent(user.login)}`;
  const app = /^(.+)\[bot\]$/.exec(user.login)?.[1];
  return {
    login: user.login,
    id: user.databaseId,
    node_id: nodeId(user.type, user.databaseId),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.databaseId}?v=4`,
    gravatar_id: '',
    url,
    html_url: app ? `${links.web}/apps/${app}` : `${links.web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The user behind a login, created on first sight so every author resolves to a GitHub user. */
export function userByLogin(links: Links, login: string): Record<string, unknown> {
  return simpleUser(links, links.store.user(login) ?? links.store.addUser({ login }));
}
