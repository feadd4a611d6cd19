import type { Store, User } from './store';

/**
 * Tokens as GitHub treats them. A token is one of:
 * - `classic`: a personal access token (classic) or OAuth app token, limited by `scopes`
 *   (echoed in `X-OAuth-Scopes`);
 * - `fine-grained`: a fine-grained PAT, limited by repository `permissions` (no scopes header);
 *   GitHub offers such tokens no Checks permission at all;
 * - `app-user`: a GitHub App user token (the device flow's result): App permissions, no scopes;
 * - `installation`: a GitHub App installation token (Actions' GITHUB_TOKEN, CML in CI), the only
 *   kind that may create check runs;
 * - `expired`: any token GitHub no longer accepts (expired, revoked) → 401 "Bad credentials";
 * - `sso`: a classic token not yet authorized for an organization that enforces SAML SSO;
 *   requests for that organization's repositories get 403 with `X-GitHub-SSO`.
 * Any token never registered here belongs to the store's default user with the scopes below,
 * so tests that do not care about auth just send any token.
 */
export type PermissionLevel = 'read' | 'write';
/** Repository permissions of the fine-grained model that the served routes check. */
export type RepoPermission = 'contents' | 'pull_requests' | 'issues' | 'checks' | 'statuses' | 'actions' | 'metadata';
export type Permissions = Partial<Record<RepoPermission, PermissionLevel>>;

export type TokenGrant =
  | { kind: 'classic'; scopes: string[] }
  | { kind: 'sso'; scopes: string[]; organization: string }
  | { kind: 'fine-grained' | 'app-user' | 'installation'; permissions: Permissions; repositories?: string[] }
  | { kind: 'expired' };

export type TokenRecord = TokenGrant & { login: string };

/** What a registered-nowhere token can do: what a typical `repo`-scoped classic PAT can. */
export const DEFAULT_SCOPES = ['repo', 'workflow'];

/** The store's `tokens`: the one place that knows which token is whose and what it may do. */
export class TokenRegistry {
  private readonly records = new Map<string, TokenRecord>();

  constructor(private readonly store: Store) {}

  /** Registers `token` for `login` (created in the store if new) and returns it. */
  add(token: string, login: string, grant: TokenGrant): string {
    if ('permissions' in grant && grant.kind === 'fine-grained' && grant.permissions.checks) {
      throw new Error('GitHub offers fine-grained personal access tokens no Checks permission');
    }
    if (!this.store.user(login)) this.store.addUser({ login });
    this.records.set(token, { ...grant, login } as TokenRecord);
    return token;
  }

  /** Makes a token unusable from now on (expiry, revocation, refresh rotation). */
  expire(token: string): void {
    const record = this.records.get(token);
    this.records.set(token, { kind: 'expired', login: record?.login ?? this.store.defaultUser.login });
  }

  /** The token an `Authorization` header carries and what it may do; null without a token. */
  resolve(header: string | null): { token: string; record: TokenRecord; user: User } | null {
    const token = tokenOf(header);
    if (!token) return null;
    const record = this.records.get(token) ?? { kind: 'classic', scopes: DEFAULT_SCOPES, login: this.store.defaultUser.login };
    return { token, record, user: this.store.user(record.login) ?? this.store.defaultUser };
  }
}

/** The token an `Authorization` header carries; GitHub accepts `token x` and `Bearer x` alike. */
export function tokenOf(header: string | null): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
}
