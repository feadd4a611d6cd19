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

const HISTORY = `query CommitHistory($owner: String!, $name: String!, $oid: GitObjectID!, $count: Int!) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) { ... on Commit { history(first: $count) { nodes { oid url message } } } }
  }
}`;

/** A commit and its ancestors, newest first (`git log <oid>`, at most 100); null when the repository has no such commit. */
export async function commitHistory(client: GitHubClient, repo: RepoName, oid: string, count = 20): Promise<BranchCommits['commits'] | null> {
  type Answer = { repository: { object: { history?: { nodes: BranchCommits['commits'] } } | null } };
  const { data } = await client.graphql<Answer>(
    HISTORY,
    { owner: repo.owner, name: repo.name, oid, count: Math.min(count, 100) },
    { what: `${repo.owner}/${repo.name} commit ${oid.slice(0, 7)}` },
  );
  return data.repository.object?.history?.nodes ?? null;
}

const PULL = `query PullRequestCommits($owner: String!, $name: String!, $number: Int!, $count: Int!) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) { commits(last: $count) { nodes { commit { oid url message } } } }
  }
}`;

/**
 * A pull request's latest commits, newest first (at most 100): its head branch's commits as the
 * pull request has them, a fork's head included; null when there is no such pull request.
 */
export async function pullRequestCommits(client: GitHubClient, repo: RepoName, number: number, count = 20): Promise<BranchCommits['commits'] | null> {
  type Answer = { repository: { pullRequest: { commits: { nodes: { commit: BranchCommits['commits'][number] }[] } } | null } };
  const { data } = await client.graphql<Answer>(
    PULL,
    { owner: repo.owner, name: repo.name, number, count: Math.min(count, 100) },
    { what: `${repo.owner}/${repo.name} pull request #${number}` },
  );
  const nodes = data.repository.pullRequest?.commits.nodes;
  return nodes ? nodes.map((n) => n.commit).reverse() : null;
}
