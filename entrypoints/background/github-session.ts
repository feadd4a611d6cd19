import { idbCache, type Cache } from '../../lib/cache';
import { experimentsContext, type ExperimentsContext } from '../../lib/experiments/rows';
import { createGitHubClient, type ClientOptions } from '../../lib/github/client';
import { GITHUB_COM, type GitHubHost } from '../../lib/github/host';
import type { TokenStore } from './token-store';

/**
 * The background's one GitHub client and experiments context, made for the token stored now and
 * made again when it changes. Every page view shares the cache and the fetches in flight.
 */
export function githubSession(tokens: TokenStore, options: { host?: GitHubHost; cache?: Cache; client?: Partial<ClientOptions> } = {}) {
  const cache = options.cache ?? idbCache();
  let current: { token: string; context: ExperimentsContext } | undefined;
  return {
    /** Null while no token is stored. */
    async experiments(): Promise<ExperimentsContext | null> {
      const token = await tokens.get();
      if (token === null) return null;
      if (current?.token !== token) {
        const client = createGitHubClient({ host: options.host ?? GITHUB_COM, token, ...options.client });
        current = { token, context: experimentsContext(client, cache) };
      }
      return current.context;
    },
  };
}

export type GitHubSession = ReturnType<typeof githubSession>;
