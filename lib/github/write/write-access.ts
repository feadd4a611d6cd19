import type { GitHubClient } from '../client';
import type { RepoName } from '../reads';

export interface TokenAccount {
  login: string;
  /** A classic token's scopes (`X-OAuth-Scopes`); null for tokens without scopes (fine-grained, GitHub App). */
  scopes: string[] | null;
}

/** Whose token this is: `GET /user`, the account every write will be made as. */
export async function tokenAccount(client: GitHubClient): Promise<TokenAccount> {
  const { data, headers } = await client.call((o) => o.rest.users.getAuthenticated(), { what: 'your GitHub account' });
  const scopes = headers['x-oauth-scopes'];
  return {
    login: data.login,
    scopes:
      typeof scopes === 'string'
        ? scopes
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
  };
}

export interface RepositoryAccess {
  /** The account may push: GitHub's `permissions.push` on the repository. */
  push: boolean;
  private: boolean;
  /**
   * A classic token without a scope that writes git data here: the scopes, any one of which would
   * do (`repo` for a private repository, `repo` or `public_repo` for a public one, per GitHub's
   * scopes documentation). Empty when it has one, or is not a classic token.
   */
  missingScopes: string[];
}

/** What the token's account may do on `repo`, read before any write (`GET /repos/{owner}/{repo}`). */
export async function repositoryAccess(client: GitHubClient, repo: RepoName, account: TokenAccount): Promise<RepositoryAccess> {
  const { data } = await client.call((o) => o.rest.repos.get({ owner: repo.owner, repo: repo.name }), { what: `${repo.owner}/${repo.name}` });
  const accepted = data.private ? ['repo'] : ['repo', 'public_repo'];
  const scopes = account.scopes;
  return {
    push: data.permissions?.push === true,
    private: data.private,
    missingScopes: scopes === null || accepted.some((s) => scopes.includes(s)) ? [] : accepted,
  };
}
