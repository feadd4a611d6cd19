import type { ExperimentsReply, Request } from '../../../lib/messages';
import { GitHubError } from '../../../lib/github/errors';
import type { BackgroundContext } from '../context';

/**
 * A commit-list view's rows. Without a token nothing is asked of GitHub (its GraphQL needs one);
 * GitHub failures become their plain `GitHubErrorInfo`, which the overlay says in one line;
 * anything else is a bug and rejects.
 */
export async function experiments({ repo, list, shas }: Request<'experiments'>, context: BackgroundContext): Promise<ExperimentsReply> {
  if ((await context.tokens.get()) === null) return { ok: false, error: { kind: 'signed-out', message: 'Not signed in to Commit Lab.' } };
  try {
    const result = await context.rows({ repo, list, shas });
    const login = await context.login?.();
    return login ? { ok: true, result, login } : { ok: true, result };
  } catch (error) {
    if (error instanceof GitHubError) return { ok: false, error: error.info() };
    throw error;
  }
}
