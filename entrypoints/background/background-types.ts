import type { GitHubClient } from '../../lib/github/client';
import type { Clock } from '../../lib/github/clock';
import type { Fetch } from '../../lib/github/oauth';
import type { AccountStore, Session } from '../../lib/github/session';
import type { SettingsStore } from './account-store';
import type { EnterpriseHosts } from './enterprise-hosts';

/** What the background's handlers work with. */
export interface BackgroundDeps {
  accounts: AccountStore;
  settings: SettingsStore;
  session: Session;
  hosts: EnterpriseHosts;
  /** The client for an origin's API with a token: the one being checked at sign-in. */
  clientFor(origin: string, token: string): GitHubClient;
  /**
   * Runs GitHub calls as the signed-in account (refreshed, retried once after a 401, signed out
   * when refused; a fine-grained 403 in `repo` remembered). Every handler that reads GitHub goes through here.
   */
  github<T>(run: (client: GitHubClient) => Promise<T>, repo?: string): Promise<T>;
  fetch: Fetch;
  clock: Clock;
}
