/** What the toolbar popup can run from: the commit a GitHub tab shows, or the branch whose history it lists. */
export type RunTarget = { owner: string; repo: string } & ({ sha: string } | { ref: string } | { pr: number });

/** The message the popup sends a GitHub tab's content script to learn who is signed in on that page. */
export const PAGE_LOGIN_MESSAGE = 'commit-lab:page-login';

/**
 * `/{owner}/{repo}/commit/{sha}`, `/{owner}/{repo}/commits/{ref}` (a branch with slashes is read
 * whole: GitHub's own ref picker writes it so) and `/{owner}/{repo}/pull/{n}[/…]` on github.com.
 */
export function runTargetOf(url: string): RunTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== 'https://github.com') return undefined;
  const [owner, repo, kind, ...rest] = parsed.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (!owner || !repo || !kind || rest.length === 0) return undefined;
  if (kind === 'commit' && /^[0-9a-f]{40}$/.test(rest[0]!)) return { owner, repo, sha: rest[0]! };
  if (kind === 'commits') return { owner, repo, ref: rest.join('/') };
  if (kind === 'pull' && /^\d+$/.test(rest[0]!)) return { owner, repo, pr: Number(rest[0]) };
  return undefined;
}
