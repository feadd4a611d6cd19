import type { CommitObject, Signature } from '../../git/objects';
import type { PathEntry } from '../../git/repo';
import type { Repository } from '../../store';
import { Links, nodeId, simpleUser } from './links';

/** `git-ref`. The object of a branch is always a commit here (the fake writes no tag objects). */
export function gitRef(links: Links, repo: Repository, ref: string, oid: string): Record<string, unknown> {
  return {
    ref,
    node_id: nodeId('Ref', `${repo.databaseId}:${ref}`),
    url: `${links.repo(repo)}/git/${ref}`,
    object: { sha: oid, type: 'commit', url: `${links.repo(repo)}/git/commits/${oid}` },
  };
}

const MODE_TEXT: Record<number, string> = { 100644: '100644', 100755: '100755', 120000: '120000', 40000: '040000', 160000: '160000' };

/** One entry of `git-tree`: GitHub writes tree modes with the leading zero (`040000`). */
export function treeEntry(links: Links, repo: Repository, entry: PathEntry, size: number | undefined): Record<string, unknown> {
  const kind = entry.type === 'tree' ? 'trees' : 'blobs';
  return {
    path: entry.path,
    mode: MODE_TEXT[entry.mode] ?? String(entry.mode),
    type: entry.type,
    sha: entry.oid,
    ...(entry.type === 'blob' ? { size } : {}),
    ...(entry.type === 'commit' ? {} : { url: `${links.repo(repo)}/git/${kind}/${entry.oid}` }),
  };
}

function gitUser(s: Signature): Record<string, string> {
  return { name: s.name, email: s.email, date: s.date };
}

/** GitHub links a commit's author to a user by email, as the store (and so GraphQL and the pages) does. */
function linkedUser(links: Links, email: string): Record<string, unknown> | null {
  const user = links.store.userByEmail(email);
  return user ? simpleUser(links, user) : null;
}

/** `commit`, as the commits list answers it (without `files`/`stats`, which only the single-commit route adds). */
export function commit(links: Links, repo: Repository, c: CommitObject, commentCount: number): Record<string, unknown> {
  const url = `${links.repo(repo)}/commits/${c.oid}`;
  return {
    url,
    sha: c.oid,
    node_id: nodeId('Commit', c.oid),
    html_url: `${links.repoHtml(repo)}/commit/${c.oid}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${links.repo(repo)}/git/commits/${c.oid}`,
      author: gitUser(c.author),
      committer: gitUser(c.committer),
      message: c.message.replace(/\n+$/, ''),
      tree: { sha: c.tree, url: `${links.repo(repo)}/git/trees/${c.tree}` },
      comment_count: commentCount,
      verification: { verified: false, reason: c.gpgsig ? 'unknown_key' : 'unsigned', signature: c.gpgsig, payload: null, verified_at: null },
    },
    author: linkedUser(links, c.author.email),
    committer: linkedUser(links, c.committer.email),
    parents: c.parents.map((p) => ({ sha: p, url: `${links.repo(repo)}/commits/${p}`, html_url: `${links.repoHtml(repo)}/commit/${p}` })),
  };
}

/** The common part of `content-file`, `content-directory` items, symlinks and submodules. */
export function contentEntry(links: Links, repo: Repository, ref: string, entry: PathEntry, size: number): Record<string, unknown> {
  const type = entry.type === 'tree' ? 'dir' : entry.type === 'commit' ? 'submodule' : entry.mode === 120000 ? 'symlink' : 'file';
  const self = `${links.repo(repo)}/contents/${encodePath(entry.path)}?ref=${encodeURIComponent(ref)}`;
  const html = `${links.repoHtml(repo)}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${encodePath(entry.path)}`;
  const git = type === 'submodule' ? null : `${links.repo(repo)}/git/${type === 'dir' ? 'trees' : 'blobs'}/${entry.oid}`;
  return {
    type,
    size: type === 'dir' || type === 'submodule' ? 0 : size,
    name: entry.name,
    path: entry.path,
    sha: entry.oid,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? rawUrl(links, repo, ref, entry.path) : null,
    _links: { self, git, html },
  };
}

/** raw.githubusercontent.com on github.com; `<host>/<owner>/<repo>/raw/<ref>/<path>` on GHES. */
function rawUrl(links: Links, repo: Repository, ref: string, path: string): string {
  const tail = `${ref}/${encodePath(path)}`;
  return links.web === 'https://github.com' ? `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/${tail}` : `${links.repoHtml(repo)}/raw/${tail}`;
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
