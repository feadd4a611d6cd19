import { idbCache, type Cache } from '../../lib/cache';
import { READER_VERSION } from '../../lib/dvc';
import type { ObjectCache, RemoteReader } from '../../lib/experiments/remote-reader';
import { experimentsContext, type ExperimentsContext } from '../../lib/experiments/rows';
import type { Account } from '../../lib/github/account';
import { withAccount } from '../../lib/github/authorized';
import type { GitHubClient } from '../../lib/github/client';
import type { Session } from '../../lib/github/session';

/**
 * GitHub as the signed-in account, for every handler that reads it (through `withAccount`: the
 * token refreshed, retried once after a 401, signed out when refused). The experiments context is
 * made for the account's host and token and made again when they change; every page view shares
 * the cache and the fetches in flight.
 */
export function githubSession(
  session: Session,
  clientFor: (origin: string, token: string) => GitHubClient,
  options: {
    cache?: Cache;
    /** A page view's reader of DVC remotes, sharing the cache (objects by md5); absent: metrics kept in a remote stay unread. */
    remoteReader?: (cache: ObjectCache) => RemoteReader;
    /** The client for one write run (every request ended after a time limit); `clientFor` by default. */
    writerFor?: (origin: string, token: string) => GitHubClient;
  } = {},
) {
  let cache = options.cache;
  let current: { origin: string; token: string; context: ExperimentsContext } | undefined;
  const contextFor = (account: Account) => {
    if (current?.origin !== account.origin || current.token !== account.accessToken) {
      const shared = (cache ??= idbCache());
      const { remoteReader } = options;
      const pageReader = remoteReader && (() => remoteReader(shared));
      const client = clientFor(account.origin, account.accessToken);
      current = { origin: account.origin, token: account.accessToken, context: experimentsContext(client, shared, READER_VERSION, pageReader) };
    }
    return current.context;
  };
  return {
    /** Octokit calls with the account's client. `repo` (`owner/name`) names where a 403 happened. */
    call: <T>(run: (client: GitHubClient) => Promise<T>, repo?: string): Promise<T> =>
      withAccount(session, (account) => clientFor(account.origin, account.accessToken), run, repo),
    /** Reads of experiment rows with the account's experiments context. */
    experiments: <T>(run: (context: ExperimentsContext) => Promise<T>, repo?: string): Promise<T> => withAccount(session, contextFor, run, repo),
    /**
     * A client for one write run as the signed-in account (its token refreshed if due; null when
     * signed out): on the account's host, with every request ended after a time limit so that a
     * write never hangs; its outcome is then settled by reading back. Never retried here: a write
     * run decides for itself what is safe to do again.
     */
    async writer(): Promise<GitHubClient | null> {
      const account = await session.current();
      return account ? (options.writerFor ?? clientFor)(account.origin, account.accessToken) : null;
    },
  };
}

export type GitHubSession = ReturnType<typeof githubSession>;
