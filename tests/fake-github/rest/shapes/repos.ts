import type { Repository } from '../../store';
import { Links, nodeId, userByLogin } from './links';

/** `minimal-repository`: the repository as embedded in other objects. */
export function minimalRepository(links: Links, repo: Repository): Record<string, unknown> {
  const url = links.repo(repo);
  return {
    id: repo.databaseId,
    node_id: nodeId('Repository', repo.databaseId),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.isPrivate,
    owner: userByLogin(links, repo.owner),
    html_url: links.repoHtml(repo),
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    hooks_url: `${url}/hooks`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
  };
}

/** `repository` (in PR heads and bases) and, with the counters, `full-repository`. */
export function repository(links: Links, repo: Repository, permissions?: Record<string, boolean>): Record<string, unknown> {
  const host = new URL(links.web).host;
  const epoch = '2020-01-01T00:00:00Z';
  return {
    ...minimalRepository(links, repo),
    clone_url: `${links.repoHtml(repo)}.git`,
    git_url: `git://${host}/${repo.owner}/${repo.name}.git`,
    ssh_url: `git@${host}:${repo.owner}/${repo.name}.git`,
    svn_url: links.repoHtml(repo),
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: repo.defaultBranch,
    visibility: repo.isPrivate ? 'private' : 'public',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: repo.pullRequests.filter((p) => p.state === 'OPEN').length,
    open_issues_count: repo.pullRequests.filter((p) => p.state === 'OPEN').length,
    size: 0,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    license: null,
    topics: [],
    pushed_at: epoch,
    created_at: epoch,
    updated_at: epoch,
    ...(permissions ? { permissions } : {}),
  };
}

export function fullRepository(links: Links, repo: Repository, permissions?: Record<string, boolean>): Record<string, unknown> {
  return { ...repository(links, repo, permissions), network_count: 0, subscribers_count: 0 };
}
