import type { Comment, Repository } from '../../store';
import { Links, nodeId, userByLogin } from './links';

function association(repo: Repository, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  return repo.collaborators.has(login) ? 'COLLABORATOR' : 'NONE';
}

/** `commit-comment`. */
export function commitComment(links: Links, repo: Repository, c: Comment): Record<string, unknown> {
  return {
    url: `${links.repo(repo)}/comments/${c.databaseId}`,
    html_url: `${links.repoHtml(repo)}/commit/${c.commitOid}#commitcomment-${c.databaseId}`,
    id: c.databaseId,
    node_id: nodeId('CommitComment', c.databaseId),
    user: userByLogin(links, c.author),
    body: c.body,
    path: c.path ?? null,
    position: c.line ?? null,
    line: c.line ?? null,
    commit_id: c.commitOid,
    author_association: association(repo, c.author),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** `issue-comment` on a pull request (the fake's issues are its pull requests). */
export function issueComment(links: Links, repo: Repository, prNumber: number, c: Comment): Record<string, unknown> {
  return {
    id: c.databaseId,
    node_id: nodeId('IssueComment', c.databaseId),
    url: `${links.repo(repo)}/issues/comments/${c.databaseId}`,
    html_url: `${links.repoHtml(repo)}/pull/${prNumber}#issuecomment-${c.databaseId}`,
    issue_url: `${links.repo(repo)}/issues/${prNumber}`,
    body: c.body,
    user: userByLogin(links, c.author),
    author_association: association(repo, c.author),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}
