import { idbCache, type Cache } from '../../lib/cache';
import { READER_VERSION } from '../../lib/dvc';
import type { ObjectCache, RemoteReader } from '../../lib/experiments/remote-reader';
import { experimentsContext, type ExperimentsContext } from '../../lib/experiments/rows';
import { createGitHubClient, type ClientOptions } from '../../lib/github/client';
import { GITHUB_COM, type GitHubHost } from '../../lib/github/host';
import type { TokenStore } from './token-store';

/**
 * The background's one GitHub client and experiments context, made for the token stored now and
 * made again when it changes. Every page view shares the cache and the fetches in flight.
 */
export function githubSession(
  tokens: TokenStore,
  options: {
    host?: GitHubHost;
    cache?: Cache;
    client?: Partial<ClientOptions>;
    /** A page view's reader of DVC remotes, sharing the cache (objects by md5); absent: metrics kept in a remote stay unread. */
    remoteReader?: (cache: ObjectCache) => RemoteReader;
  } = {},
) {
  const cache = options.cache ?? idbCache();
  let current: { token: string; context: ExperimentsContext } | undefined;
  const { remoteReader } = options;
  const pageReader = remoteReader && (() => remoteReader(cache));
  return {
    /** Null while no token is stored. */
    async experiments(): Promise<ExperimentsContext | null> {
      const token = await tokens.get();
      if (token === null) return null;
      if (current?.token !== token) {
        const client = createGitHubClient({ host: options.host ?? GITHUB_COM, token, ...options.client });
        current = { token, context: experimentsContext(client, cache, READER_VERSION, pageReader) };
      }
      return current.context;
    },
  };
}

export type GitHubSession = ReturnType<typeof githubSession>;
