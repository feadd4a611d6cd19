import type { GitHubClient } from '../client';
import type { GraphQLProblem } from '../classify';
import type { RepoName } from '../reads';

export interface CommitOnBranchInput {
  branch: string;
  /** The head the commit goes on; GitHub refuses (and writes nothing) when the branch is elsewhere. */
  expectedHeadOid: string;
  headline: string;
  body: string;
  /** Whole new contents, base64. */
  additions: { path: string; contents: string }[];
  deletions?: { path: string }[];
}

export type CommitOnBranchResult =
  | { kind: 'committed'; oid: string; url: string }
  /** The branch is not at `expectedHeadOid`: nothing was written. `head` when GitHub's answer named it. */
  | { kind: 'branch-moved'; head: string | null };

const MUTATION = `mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;

/**
 * GitHub's two answers for a branch that is not where the write expected it: `STALE_DATA`
 * ("Expected branch to point to … but it did not"), and, seen in live runs when a concurrent push
 * wins the race, `Ref refs/heads/<b> is at <oid> but expected <oid>` (no type reported).
 */
const REF_IS_AT = /^Ref refs\/heads\/.+ is at ([0-9a-f]{40}) but expected [0-9a-f]{40}$/;
const isMoved = (p: GraphQLProblem) => p.type === 'STALE_DATA' || REF_IS_AT.test(p.message);

/**
 * Every file change in ONE commit on `branch`, with `expectedHeadOid` as a compare-and-swap
 * (`createCommitOnBranch`). Sent once, never retried by the client: a dropped connection or 5xx
 * throws UnavailableError with the outcome unknown, for the caller to settle by reading the branch.
 */
export async function commitOnBranch(client: GitHubClient, repo: RepoName, input: CommitOnBranchInput): Promise<CommitOnBranchResult> {
  const { data, errors } = await client.graphql<{ createCommitOnBranch: { commit: { oid: string; url: string } } | null }>(
    MUTATION,
    {
      input: {
        branch: { repositoryNameWithOwner: `${repo.owner}/${repo.name}`, branchName: input.branch },
        expectedHeadOid: input.expectedHeadOid,
        message: { headline: input.headline, ...(input.body ? { body: input.body } : {}) },
        fileChanges: { additions: input.additions, ...(input.deletions?.length ? { deletions: input.deletions } : {}) },
      },
    },
    { retry: false, tolerate: isMoved, what: `${repo.owner}/${repo.name} branch ${input.branch}` },
  );
  const moved = errors.find(isMoved);
  if (moved || !data.createCommitOnBranch) return { kind: 'branch-moved', head: (moved && REF_IS_AT.exec(moved.message)?.[1]) ?? null };
  return { kind: 'committed', ...data.createCommitOnBranch.commit };
}
