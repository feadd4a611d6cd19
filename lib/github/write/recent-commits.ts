import type { GitHubClient } from '../client';
import type { RepoName } from '../reads';

export interface BranchCommits {
  head: string;
  /** Newest first, in `git log` order. */
  commits: { oid: string; url: string; message: string }[];
}

const QUERY = `query RecentCommits($owner: String!, $name: String!, $ref: String!, $count: Int!) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $ref) { target { oid ... on Commit { history(first: $count) { nodes { oid url message } } } } }
  }
}`;

/** The branch's head and its latest `count` commits (at most 100), fresh from GitHub; null when there is no such branch. */
export async function recentCommits(client: GitHubClient, repo: RepoName, branch: string, count = 20): Promise<BranchCommits | null> {
  type Answer = { repository: { ref: { target: { oid: string; history?: { nodes: BranchCommits['commits'] } } } | null } };
  const { data } = await client.graphql<Answer>(
    QUERY,
    { owner: repo.owner, name: repo.name, ref: `refs/heads/${branch}`, count: Math.min(count, 100) },
    { what: `${repo.owner}/${repo.name} branch ${branch}` },
  );
  const target = data.repository.ref?.target;
  return target ? { head: target.oid, commits: target.history?.nodes ?? [] } : null;
}
