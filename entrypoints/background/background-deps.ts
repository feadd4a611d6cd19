import type { Account, AccountState } from '../../lib/github/account';
import type { Clock } from '../../lib/github/clock';
import type { GitHubClient } from '../../lib/github/client';
import type { Fetch } from '../../lib/github/oauth';
import type { AccountStore, Session } from '../../lib/github/session';
import type { SettingsStore } from './account-store';
import type { EnterpriseHosts } from './enterprise-hosts';

/** What the background's handlers work with; tests pass the fake GitHub's fetch, a manual clock and fake browser APIs. */
export interface BackgroundDeps {
  accounts: AccountStore;
  settings: SettingsStore;
  session: Session;
  hosts: EnterpriseHosts;
  /** The client for an origin's API with a token (checked at sign-in) or the signed-in account's. */
  clientFor(origin: string, token: string): GitHubClient;
  fetch: Fetch;
  clock: Clock;
}

export type { Account, AccountState };
