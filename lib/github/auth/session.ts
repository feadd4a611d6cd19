import type { Account, AccountState } from './account';
import { signedOut } from './account';
import type { Clock } from '../clock';
import { endpointsOf } from '../host';
import { OAuthError, refreshTokens, type Fetch } from './oauth';

export interface AccountStore {
  get(): Promise<AccountState>;
  set(state: AccountState): Promise<void>;
}

/** Refresh this long before an expiring token runs out, so no request is sent with a dying token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The signed-in account's tokens for requests: an expiring App user token is refreshed before it
 * expires and after a 401, at most one refresh at a time; a refused refresh signs out. The access
 * token goes to the account's API host alone and the refresh token to its OAuth host alone (both
 * from `endpointsOf(account.origin)`).
 */
export class Session {
  private refreshing: Promise<Account | undefined> | undefined;

  constructor(private readonly deps: { store: AccountStore; fetch: Fetch; clock: Clock }) {}

  async account(): Promise<Account | undefined> {
    const state = await this.deps.store.get();
    return state.status === 'signed-in' ? state.account : undefined;
  }

  /** The account with a token good for the next request; undefined when signed out. */
  async current(): Promise<Account | undefined> {
    const account = await this.account();
    if (account?.expiresAt === undefined || account.expiresAt - this.deps.clock.now() > REFRESH_MARGIN_MS) return account;
    return this.refresh(account);
  }

  /**
   * After the API answered 401 to `usedToken`: the account with a newer token (refreshed now, or
   * by a request that got there first), or undefined — signed out — when GitHub no longer accepts it.
   */
  async unauthorized(usedToken: string): Promise<Account | undefined> {
    const account = await this.account();
    if (!account) return undefined;
    if (account.accessToken !== usedToken) return account;
    if (!account.refreshToken) {
      await this.signOut(account, `GitHub no longer accepts the token of ${account.login} (it expired or was revoked). Sign in again in Commit Lab’s options.`);
      return undefined;
    }
    return this.refresh(account);
  }

  /** GitHub refused a token even right after its refresh: the sign-in is over. */
  async refused(account: Account): Promise<void> {
    await this.signOut(account, `GitHub no longer accepts the sign-in of ${account.login}. Sign in again in Commit Lab’s options.`);
  }

  /** Merges what a request learnt about the account (e.g. what a 403 said), unless it signed out or changed meanwhile. */
  async update(accessToken: string, change: (account: Account) => Account): Promise<void> {
    const account = await this.account();
    if (account?.accessToken === accessToken) await this.deps.store.set({ status: 'signed-in', account: change(account) });
  }

  private refresh(account: Account): Promise<Account | undefined> {
    this.refreshing ??= this.refreshNow(account).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshNow(account: Account): Promise<Account | undefined> {
    if (!account.refreshToken || !account.clientId) {
      await this.signOut(account, `The sign-in of ${account.login} expired. Sign in again in Commit Lab’s options.`);
      return undefined;
    }
    try {
      const tokens = await refreshTokens(this.deps, endpointsOf(account.origin).accessToken, account.clientId, account.refreshToken);
      const { expiresAt: _e, refreshToken: _r, refreshExpiresAt: _x, ...rest } = account;
      const next: Account = { ...rest, ...tokens };
      await this.deps.store.set({ status: 'signed-in', account: next });
      return next;
    } catch (error) {
      // Only GitHub's refusal ends the sign-in; GitHub unreachable (UnavailableError) leaves it for the next try.
      if (!(error instanceof OAuthError)) throw error;
      await this.signOut(account, error.message);
      return undefined;
    }
  }

  private async signOut(account: Account, reason: string): Promise<void> {
    await this.deps.store.set(signedOut(account, reason));
  }
}
