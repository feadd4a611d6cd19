/**
 * Which commit list a github.com URL shows, from its path alone (github-url-detection's
 * `isRepoCommitList` / `isPRCommitList`), so the GitHub Enterprise hosts configured in options,
 * which serve the same paths, are recognised as well. The ref is NOT parsed here: refs may contain `/`, so
 * only the page itself knows where the ref ends and the path starts (see `page-ref.ts`).
 */
export type CommitListPage = { kind: 'repo-commits'; owner: string; repo: string } | { kind: 'pr-commits'; owner: string; repo: string; number: number };

export type CommitListKind = CommitListPage['kind'];

/** Top-level github.com paths that are not an owner, so their second segment is not a repository. */
const NOT_OWNERS = new Set([
  'orgs',
  'organizations',
  'users',
  'settings',
  'account',
  'marketplace',
  'sponsors',
  'topics',
  'collections',
  'search',
  'notifications',
  'apps',
  'features',
  'enterprises',
  'codespaces',
  'explore',
]);

export function commitListOf(url: URL | string): CommitListPage | undefined {
  const { pathname } = typeof url === 'string' ? new URL(url) : url;
  const parts = pathname.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  const [owner, repo, section, ...rest] = parts;
  if (!owner || !repo || NOT_OWNERS.has(owner.toLowerCase())) return undefined;
  if (section === 'commits') return { kind: 'repo-commits', owner, repo };
  if (section === 'pull' && rest.length === 2 && /^[1-9]\d*$/.test(rest[0]!) && rest[1] === 'commits') {
    return { kind: 'pr-commits', owner, repo, number: Number(rest[0]) };
  }
  return undefined;
}
