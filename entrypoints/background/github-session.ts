import { idbCache, type Cache } from '../../lib/cache';
import { experimentsContext, type ExperimentsContext } from '../../lib/experiments/rows';
import { createGitHubClient, type ClientOptions, type GitHubClient } from '../../lib/github/client';
import { GITHUB_COM, type GitHubHost } from '../../lib/github/host';
import { fetchWithTimeout } from '../../lib/github/timeout-fetch';
import type { TokenStore } from './token-store';

/** A write whose answer takes longer is settled by reading back; GitHub itself ends requests after 10 s. */
const WRITE_TIMEOUT_MS = 30_000;

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
    /**
     * A client for one write run with the token stored now (null while none): the same client,
     * on the same host, with every request ended after 30 s so that a write never hangs; its
     * outcome is then settled by reading back.
     */
    async writer(): Promise<GitHubClient | null> {
      const token = await tokens.get();
      if (token === null) return null;
      const base = options.client?.fetch ?? ((input, init) => fetch(input, init));
      return createGitHubClient({ host: options.host ?? GITHUB_COM, token, ...options.client, fetch: fetchWithTimeout(base, WRITE_TIMEOUT_MS) });
    },
  };
}

export type GitHubSession = ReturnType<typeof githubSession>;
