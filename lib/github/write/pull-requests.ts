import type { GitHubClient } from '../client';
import { RefusedError } from '../errors';
import { requestFailure } from './octokit-failure';
import type { RepoName } from '../reads';

export interface PullRequestInput {
  /** A branch of the same repository. */
  head: string;
  base: string;
  title: string;
  body: string;
}

export interface OpenedPullRequest {
  number: number;
  url: string;
  /** It was open already (an earlier attempt of the same run, or someone else's PR for this head). */
  existing: boolean;
}

/**
 * Opens a pull request from `head` to `base` (`POST /pulls`), sent once. GitHub's 422 "A pull
 * request already exists for owner:branch." counts as done: the open PR for that head is looked
 * up and returned with `existing: true`, so a retry never opens a second one.
 */
export async function openPullRequest(client: GitHubClient, repo: RepoName, input: PullRequestInput): Promise<OpenedPullRequest> {
  const created = await client.call(
    async (o) => {
      try {
        const { data } = await o.rest.pulls.create({ owner: repo.owner, repo: repo.name, ...input });
        return { number: data.number, url: data.html_url, existing: false };
      } catch (error) {
        const failure = requestFailure(error);
        if (failure?.status === 422 && failure.details.some((d) => d.startsWith('A pull request already exists'))) return null;
        throw error;
      }
    },
    { retry: false, what: `${repo.owner}/${repo.name}` },
  );
  if (created) return created;
  const { data } = await client.call(
    (o) => o.rest.pulls.list({ owner: repo.owner, repo: repo.name, head: `${repo.owner}:${input.head}`, base: input.base, state: 'open' }),
    { what: `${repo.owner}/${repo.name}` },
  );
  const open = data[0];
  // Open for this head but to another base: not ours to reuse.
  if (!open) throw new RefusedError(422, `A pull request already exists for ${repo.owner}:${input.head} (to another base branch)`);
  return { number: open.number, url: open.html_url, existing: true };
}
