import type { GitHubClient } from '../../github/client';
import { treesFromAnswer, treesQuery, type FetchTrees } from '../results/changed-paths';
import type { WorkflowRunLike } from './ci-status';
import {
  isForbiddenRollup,
  LIVE_COMMIT_FIELDS,
  liveOfPage,
  livePullRequests,
  livePullRequestsSelection,
  type LiveCommitNode,
  type LiveData,
  type LivePullRequestNode,
  type ProblemLike,
} from './live-query';
import type { CommitList, RepoRef } from '../types';

/**
 * The requests of part 2 that are not part of the page's own query: the refresh of commits whose
 * CI is still moving (their live fields only, by oid), the fine-grained fallback's one REST
 * request a page, and the tree reads behind `changedPathsBetween`.
 */

/** Inside `repository { … }`: the live fields of commits by oid (aliases `live0…`) and the page's pull requests. */
export function liveSelection(shas: string[], list: CommitList): string {
  const commits = shas.map((sha, i) => `live${i}: object(oid: ${JSON.stringify(sha)}) { ... on Commit { oid ${LIVE_COMMIT_FIELDS} } }`);
  return `${commits.join(' ')} ${livePullRequestsSelection(list)}`;
}

/** The commits and pull requests of a `liveSelection` answer (the `repository` object). */
export function liveFromSelection(shas: string[], repository: Record<string, unknown>): { commits: LiveCommitNode[]; pullRequests: LivePullRequestNode[] } {
  const commits = shas.map((_, i) => repository[`live${i}`] as LiveCommitNode | null | undefined).filter((c): c is LiveCommitNode => !!c);
  return { commits, pullRequests: livePullRequests(repository) };
}

/** The live fields of a set of commits by oid, and the page's pull requests, in one query. */
export function liveQuery(shas: string[], list: CommitList): string {
  return `query Live($owner: String!, $name: String!) { rateLimit { remaining resetAt } repository(owner: $owner, name: $name) { ${liveSelection(shas, list)} } }`;
}

export interface LiveAnswer {
  live: Map<string, LiveData>;
  /** GraphQL points left, for pacing the refresh. */
  rateLimit?: { remaining: number; resetAt: string };
  /** REST requests the fine-grained fallback made (0 or 1). */
  fallbackRequests: number;
}

/** Refreshes the live data of `shas` (one GraphQL request; one REST request more for a fine-grained token). */
export async function fetchLive(client: GitHubClient, repo: RepoRef, list: CommitList, shas: string[]): Promise<LiveAnswer> {
  const { data, errors } = await client.graphql<{ rateLimit?: { remaining: number; resetAt: string }; repository: Record<string, unknown> }>(
    liveQuery(shas, list),
    { owner: repo.owner, name: repo.name },
    { tolerate: isForbiddenRollup, what: `${repo.owner}/${repo.name}` },
  );
  return {
    ...(await liveFromAnswer(client, repo, list, { ...liveFromSelection(shas, data.repository), problems: errors })),
    ...(data.rateLimit ? { rateLimit: data.rateLimit } : {}),
  };
}

/** Live data from a GraphQL answer that carried the live fields (the page query's or `liveQuery`'s). */
export async function liveFromAnswer(
  client: GitHubClient,
  repo: RepoRef,
  list: CommitList,
  answer: { commits: LiveCommitNode[]; pullRequests: LivePullRequestNode[]; problems: ProblemLike[] },
): Promise<Omit<LiveAnswer, 'rateLimit'>> {
  const forbidden = answer.problems.some(isForbiddenRollup);
  const workflowRuns = forbidden ? await fetchWorkflowRuns(client, repo, list, answer.pullRequests) : undefined;
  return { live: liveOfPage({ ...answer, ...(workflowRuns ? { workflowRuns } : {}) }), fallbackRequests: forbidden ? 1 : 0 };
}

/**
 * The fallback's one REST request a page: the newest 100 workflow runs of the branch the page
 * shows (a PR's head branch for its commits page), joined to commits by `head_sha`.
 */
export async function fetchWorkflowRuns(
  client: GitHubClient,
  repo: RepoRef,
  list: CommitList,
  pullRequests: LivePullRequestNode[],
): Promise<WorkflowRunLike[]> {
  const branch = 'ref' in list ? list.ref.replace(/^refs\/heads\//, '') : pullRequests[0]?.headRefName;
  const answer = await client.call(
    (octokit) =>
      octokit.request('GET /repos/{owner}/{repo}/actions/runs', {
        owner: repo.owner,
        repo: repo.name,
        per_page: 100,
        ...(branch ? { branch } : {}),
      }),
    { what: `${repo.owner}/${repo.name}` },
  );
  return answer.data.workflow_runs;
}

/** `FetchTrees` over GraphQL: one request for every tree asked at once. */
export function graphqlTrees(client: GitHubClient, repo: RepoRef): FetchTrees {
  return async (oids, depth) => {
    const { data } = await client.graphql<{ repository: Record<string, unknown> }>(
      treesQuery(oids, depth),
      { owner: repo.owner, name: repo.name },
      { what: `${repo.owner}/${repo.name}` },
    );
    return treesFromAnswer(oids, data.repository);
  };
}
