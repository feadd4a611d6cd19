import { commitExperiment } from '../../../lib/experiments/write/commit-experiment';
import { failed, type CommitExperimentResult } from '../../../lib/experiments/write/commit-result';
import type { Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

/**
 * `commit-experiment`: the Run form's write, with the stored token; a progress message per step.
 * The bytes the form staged for the run are dropped once it ends, whatever the outcome (a retry
 * stages them again), with any left by runs that never came.
 */
export async function commitExperimentHandler(request: Request<'commit-experiment'>, context: BackgroundContext): Promise<CommitExperimentResult> {
  const { staged } = context;
  try {
    const client = await context.github.writer();
    if (!client) return failed({ kind: 'no-token' }, {});
    return await commitExperiment(client, request, {
      ledger: context.runLedger,
      staged,
      onProgress: (progress) => context.notifyPages({ type: 'commit-progress', runId: request.runId, progress }),
    });
  } finally {
    await Promise.all([staged.drop(request.runId), staged.dropStale()]);
  }
}
