import { commitExperiment } from '../../../lib/experiments/write/commit-experiment';
import { failed, type CommitExperimentResult } from '../../../lib/experiments/write/commit-result';
import { createGitHubClient } from '../../../lib/github/client';
import { fetchWithTimeout } from '../../../lib/github/timeout-fetch';
import type { Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

/** A write whose answer takes longer is settled by reading back; GitHub itself ends requests after 10 s. */
const WRITE_TIMEOUT_MS = 30_000;

/** `commit-experiment`: the Run form's write, with the stored token; a progress message per step. */
export async function commitExperimentHandler(request: Request<'commit-experiment'>, context: BackgroundContext): Promise<CommitExperimentResult> {
  const token = await context.tokens.get();
  if (!token) return failed({ kind: 'no-token' }, {});
  const client = createGitHubClient({ host: context.githubHost, token, fetch: fetchWithTimeout((input, init) => fetch(input, init), WRITE_TIMEOUT_MS) });
  return commitExperiment(client, request, {
    ledger: context.runLedger,
    onProgress: (progress) => context.notifyPages({ type: 'commit-progress', runId: request.runId, progress }),
  });
}
