import { commitExperiment, type CommitExperimentRequest } from '../../../lib/experiments/write/commit-experiment';
import { failed, type CommitExperimentResult } from '../../../lib/experiments/write/commit-result';
import type { RunLedger } from '../../../lib/experiments/write/run-ledger';
import { createGitHubClient } from '../../../lib/github/client';
import type { GitHubHost } from '../../../lib/github/host';
import { fetchWithTimeout } from '../../../lib/github/timeout-fetch';
import type { CommitProgressMessage } from '../../../lib/messages/commit-progress';
import type { TokenStore } from '../token-store';

/** A write whose answer takes longer is settled by reading back; GitHub itself ends requests after 10 s. */
const WRITE_TIMEOUT_MS = 30_000;

export interface CommitContext {
  tokens: TokenStore;
  githubHost: GitHubHost;
  runLedger: RunLedger;
  /** Sends a message to the extension's pages (the Run form listens for its run's progress). */
  notifyPages(message: CommitProgressMessage): void;
  fetch?: typeof fetch;
}

/** `commit-experiment`: the Run form's write, with the stored token; a progress message per step. */
export async function commitExperimentHandler(request: CommitExperimentRequest, context: CommitContext): Promise<CommitExperimentResult> {
  const token = await context.tokens.get();
  if (!token) return failed({ kind: 'no-token' }, {});
  const base = context.fetch ?? ((input, init) => fetch(input, init));
  const client = createGitHubClient({ host: context.githubHost, token, fetch: fetchWithTimeout(base, WRITE_TIMEOUT_MS) });
  return commitExperiment(client, request, {
    ledger: context.runLedger,
    onProgress: (progress) => context.notifyPages({ type: 'commit-progress', runId: request.runId, progress }),
  });
}
