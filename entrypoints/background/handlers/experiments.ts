import { rowsFor } from '../../../lib/experiments/rows';
import { GitHubError } from '../../../lib/github/errors';
import type { ExperimentsReply, Request } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

/** Why there is nothing to read while signed out: the reason the sign-in ended, or what to do. */
export const signedOutMessage = (reason: string | undefined) => reason ?? 'Sign in to GitHub in Commit Lab’s options to see experiments here.';

/** Rows for one commit-page view; a GitHub failure is the reply's typed error (the page shows it once), anything else throws. */
export async function experiments(request: Request<'experiments'>, { github, accounts }: BackgroundContext): Promise<ExperimentsReply> {
  const state = await accounts.get();
  if (state.status === 'signed-out') return { ok: false, error: { kind: 'no-token', message: signedOutMessage(state.reason) } };
  try {
    const result = await github.experiments((context) => rowsFor(context, request), `${request.repo.owner}/${request.repo.name}`);
    // The token's account, so the page can say once when it is not the user signed in to GitHub's page.
    return { ok: true, result, login: state.account.login };
  } catch (error) {
    if (error instanceof GitHubError) return { ok: false, error: error.info() };
    throw error;
  }
}
