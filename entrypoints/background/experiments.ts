import { GitHubError } from '../../lib/github/errors';
import type { RowsRequest, RowsResult } from '../../lib/experiments/types';
import { parseRequest, type ExperimentsReply } from '../../lib/messages';

export interface OverlayServices {
  /** Whether a GitHub token is stored: GitHub's GraphQL answers nothing without one. */
  signedIn(): Promise<boolean>;
  /** The rows of one page view (part 1's `rowsFor`, with parts 2 and 3 added). */
  rows(request: RowsRequest): Promise<RowsResult>;
  /** The token's login when known, so the page can say when it is not the account GitHub shows. */
  login?(): Promise<string | undefined>;
  openSignIn(): Promise<void>;
}

/**
 * Answers the commit-list overlay's messages (`experiments`, `open-sign-in`), from any sender:
 * they reveal nothing the page could not ask GitHub itself. GitHub failures become their plain
 * `GitHubErrorInfo`, which the overlay says in one line; anything else is a bug and rejects.
 * Undefined for other messages.
 */
export function handleOverlayMessage(message: unknown, services: OverlayServices): Promise<ExperimentsReply | null> | undefined {
  const request = parseRequest(message);
  if (request?.type === 'open-sign-in') return services.openSignIn().then(() => null);
  if (request?.type !== 'experiments') return undefined;
  const { repo, list, shas } = request;
  return answer({ repo, list, shas }, services);
}

async function answer(request: RowsRequest, services: OverlayServices): Promise<ExperimentsReply> {
  if (!(await services.signedIn())) return { ok: false, error: { kind: 'signed-out', message: 'Not signed in to Commit Lab.' } };
  try {
    const result = await services.rows(request);
    const login = await services.login?.();
    return login ? { ok: true, result, login } : { ok: true, result };
  } catch (error) {
    if (error instanceof GitHubError) return { ok: false, error: error.info() };
    throw error;
  }
}
