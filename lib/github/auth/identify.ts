import type { GitHubClient } from '../client';
import { lacksOfScopes } from './lacks';
import { tokenKindOf, type TokenKind } from './token-kind';

export interface Identity {
  login: string;
  avatarUrl: string;
  kind: TokenKind;
  /** What the token cannot do, where GitHub says so up front (a classic or OAuth token's scopes). */
  lacks: string[];
}

/**
 * Who a token signs in as, checked with `GET /user` on the client's host (a bad token fails here
 * with the client's typed error). Classic and OAuth tokens list their scopes in `X-OAuth-Scopes`;
 * fine-grained and App user tokens list nothing, and say what they lack only when refused.
 */
export async function identify(client: GitHubClient, token: string): Promise<Identity> {
  const { data, headers } = await client.call((octokit) => octokit.request('GET /user'), { what: 'the account of this token' });
  const scopes = headers['x-oauth-scopes'];
  const byPrefix = tokenKindOf(token);
  // Tokens from before GitHub's prefixes (2021, and older GHES) are classic when they carry scopes.
  const kind = byPrefix === 'unknown' && scopes !== undefined ? 'classic' : byPrefix;
  return {
    login: data.login,
    avatarUrl: data.avatar_url,
    kind,
    lacks: (kind === 'classic' || kind === 'oauth') && scopes !== undefined ? lacksOfScopes(String(scopes)) : [],
  };
}
