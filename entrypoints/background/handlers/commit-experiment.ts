import { commitExperiment } from '../../../lib/experiments/write/commit-experiment';
import { failed, type CommitExperimentResult } from '../../../lib/experiments/write/commit-result';
import type { Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

/** `commit-experiment`: the Run form's write, with the stored token; a progress message per step. */
export async function commitExperimentHandler(request: Request<'commit-experiment'>, context: BackgroundContext): Promise<CommitExperimentResult> {
  const client = await context.github.writer();
  if (!client) return failed({ kind: 'no-token' }, {});
  return commitExperiment(client, request, {
    ledger: context.runLedger,
    onProgress: (progress) => context.notifyPages({ type: 'commit-progress', runId: request.runId, progress }),
  });
}
