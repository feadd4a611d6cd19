import type { PullRequest, Repository } from '../../store';
import { Links, nodeId, userByLogin } from './links';
import { repository } from './repos';

function branchEnd(links: Links, repo: Repository, ref: string, sha: string): Record<string, unknown> {
  return { label: `${repo.owner}:${ref}`, ref, sha, user: userByLogin(links, repo.owner), repo: repository(links, repo) };
}

/**
 * `pull-request-simple` (lists), and `pull-request` with the counters a single PR adds. The
 * base sha is the base branch's tip now; the head sha is the head branch's tip (or the last one
 * recorded once the branch is gone).
 */
export function pullRequestSimple(links: Links, repo: Repository, pr: PullRequest, heads: { head: string; base: string }): Record<string, unknown> {
  const url = `${links.repo(repo)}/pulls/${pr.number}`;
  const html = `${links.repoHtml(repo)}/pull/${pr.number}`;
  const issue = `${links.repo(repo)}/issues/${pr.number}`;
  const closed = pr.state !== 'OPEN';
  return {
    url,
    id: pr.databaseId,
    node_id: nodeId('PullRequest', pr.databaseId),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${links.repo(repo)}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${links.repo(repo)}/statuses/${heads.head}`,
    number: pr.number,
    state: closed ? 'closed' : 'open',
    locked: false,
    title: pr.title,
    user: userByLogin(links, pr.author),
    body: pr.body || null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.createdAt,
    closed_at: closed ? pr.createdAt : null,
    merged_at: pr.state === 'MERGED' ? pr.createdAt : null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchEnd(links, repo, pr.headRefName, heads.head),
    base: branchEnd(links, repo, pr.baseRefName, heads.base),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${links.repo(repo)}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${links.repo(repo)}/statuses/${heads.head}` },
    },
    author_association: pr.author.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : 'CONTRIBUTOR',
    auto_merge: null,
    draft: pr.isDraft,
  };
}

export function pullRequest(
  links: Links,
  repo: Repository,
  pr: PullRequest,
  heads: { head: string; base: string },
  counts: { commits: number },
): Record<string, unknown> {
  return {
    ...pullRequestSimple(links, repo, pr, heads),
    merged: pr.state === 'MERGED',
    mergeable: null,
    rebaseable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: pr.comments.length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: counts.commits,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}
