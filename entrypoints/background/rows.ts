import { idbCache } from '../../lib/cache';
import { experimentsContext, rowsFor, type ExperimentsContext } from '../../lib/experiments/rows';
import type { RowsRequest, RowsResult } from '../../lib/experiments/types';
import { createGitHubClient } from '../../lib/github/client';
import { GITHUB_COM } from '../../lib/github/host';
import type { TokenStore } from './token-store';

/**
 * The rows of a page view with the stored token. One experiments context (cache, in-flight reads)
 * per token, so a new sign-in never reads what another account's reads cached in memory.
 */
export function rowsSource(tokens: TokenStore): (request: RowsRequest) => Promise<RowsResult> {
  const cache = idbCache();
  let current: { token: string; ctx: ExperimentsContext } | undefined;
  return async (request) => {
    const token = await tokens.get();
    if (token === null) throw new Error('rows asked for without a token');
    if (current?.token !== token) current = { token, ctx: experimentsContext(createGitHubClient({ host: GITHUB_COM, token }), cache) };
    return rowsFor(current.ctx, request);
  };
}
