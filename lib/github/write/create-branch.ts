import type { GitHubClient } from '../client';
import { requestFailure } from './octokit-failure';
import type { RepoName } from '../reads';

/**
 * Creates branch `name` at commit `sha` (`POST /git/refs`): a compare-and-swap from "no such
 * ref", so an existing branch is never moved, forced or reused — GitHub answers 422 "Reference
 * already exists" and this answers `'exists'`. Sent once: an unknown outcome (dropped connection,
 * 5xx) throws UnavailableError, and the caller reads the branch to learn what happened.
 */
export async function createBranch(client: GitHubClient, repo: RepoName, name: string, sha: string): Promise<'created' | 'exists'> {
  return client.call(
    async (o) => {
      try {
        await o.rest.git.createRef({ owner: repo.owner, repo: repo.name, ref: `refs/heads/${name}`, sha });
        return 'created';
      } catch (error) {
        const failure = requestFailure(error);
        if (failure?.status === 422 && failure.message === 'Reference already exists') return 'exists';
        throw error;
      }
    },
    { retry: false, what: `${repo.owner}/${repo.name}` },
  );
}
