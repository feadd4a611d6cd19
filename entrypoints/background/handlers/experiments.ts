import { rowsFor } from '../../../lib/experiments/rows';
import { GitHubError } from '../../../lib/github/errors';
import type { ExperimentsReply, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

/** Rows for one commit-page view; a GitHub failure is the reply's typed error (the page shows it once), anything else throws. */
export async function experiments(request: Request<'experiments'>, { github }: BackgroundContext): Promise<ExperimentsReply> {
  const context = await github.experiments();
  if (!context) return { ok: false, error: { kind: 'no-token', message: 'Set a GitHub token in Commit Lab’s options to see experiments here.' } };
  try {
    return { ok: true, result: await rowsFor(context, request) };
  } catch (error) {
    if (error instanceof GitHubError) return { ok: false, error: error.info() };
    throw error;
  }
}
