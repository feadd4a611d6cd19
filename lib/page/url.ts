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

/**
 * What the toolbar popup works from, read from the current tab's URL: the commit a page shows
 * (`/{owner}/{repo}/commit/{sha}`), the ref a commit list shows (`/{owner}/{repo}/commits/{ref}`:
 * the popup has no page to ask, so a ref with `/` is read whole, as GitHub's own ref picker
 * writes it) or a pull request (`/{owner}/{repo}/pull/{n}` and its tabs), on github.com (the
 * popup asks the signed-in account's host, which Enterprise pages need not be).
 */
export type TabTarget = { owner: string; repo: string } & ({ sha: string } | { ref: string } | { pr: number });

const PULL_TABS = new Set(['commits', 'files', 'changes', 'checks']);

export function tabTargetOf(url: string): TabTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== 'https://github.com') return undefined;
  const parts = parsed.pathname.split('/').slice(1);
  if (parts.at(-1) === '') parts.pop();
  let decoded: string[];
  try {
    decoded = parts.map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [owner, repo, section, first, ...rest] = decoded;
  if (!owner || !repo || !first || NOT_OWNERS.has(owner.toLowerCase())) return undefined;
  if (section === 'commit' && /^[0-9a-f]{40}$/.test(first) && rest.length === 0) return { owner, repo, sha: first };
  if (section === 'commits') return { owner, repo, ref: [first, ...rest].join('/') };
  if (section !== 'pull' || !/^[1-9]\d*$/.test(first)) return undefined;
  // One commit of a pull request (`/pull/{n}/commits/{sha}`) is that commit's page.
  const [tab, sha, ...more] = rest;
  if (tab === 'commits' && sha && /^[0-9a-f]{40}$/.test(sha) && more.length === 0) return { owner, repo, sha };
  if (rest.length === 0 || (rest.length === 1 && PULL_TABS.has(tab!))) return { owner, repo, pr: Number(first) };
  return undefined;
}
