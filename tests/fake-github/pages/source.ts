/**
 * What the fake GitHub's HTML pages need to know about repositories. The page handler
 * (`pagesHandler(source)`) turns URLs into calls on a PageSource and renders the answers with
 * GitHub-shaped templates; it never reads git itself. `gitPageSource` (git-source.ts) answers
 * from the store's real repositories; the interface keeps the templates apart from git.
 *
 * Conventions every implementation keeps:
 * - owner/name lookups are case-insensitive (as on github.com); answers carry canonical case;
 * - `undefined` means "does not exist" (the page answers 404), never "error";
 * - oids are full 40-hex SHA-1s; dates are ISO 8601 strings (UTC, `Z`).
 */
export interface PageSource {
  /** Login of the signed-in user (`meta[name="user-login"]`); undefined renders a signed-out page. */
  readonly viewerLogin: string | undefined;

  repository(owner: string, name: string): Promise<PageRepository | undefined>;

  /**
   * Splits the part of a URL after `/commits/` (`main`, `feature/x/src/train.py`, a full or
   * abbreviated commit oid) into a ref and a path. Refs can contain `/`: the LONGEST prefix of
   * segments naming an existing branch or tag wins (branches before tags at equal length), else a
   * commit oid prefix of at least 7 hex digits; undefined when nothing matches.
   * `splitRefPath` below implements the rule over a list of ref names.
   */
  resolveRef(owner: string, name: string, refAndPath: string): Promise<ResolvedRef | undefined>;

  /**
   * One page of history as GitHub lists it (`git log <oid> -- <path>`: all parents, newest
   * first): commits reachable from `oid` that touch `path` (all when ''), skipping `offset`,
   * at most `limit`.
   */
  history(query: HistoryQuery): Promise<HistoryPage>;

  /** A pull request's commits, oldest first (GitHub's Commits tab order); undefined if no such PR. */
  pullRequest(owner: string, name: string, number: number): Promise<PagePullRequest | undefined>;
}

export interface PageRepository {
  owner: string;
  name: string;
  defaultBranch: string;
}

export interface ResolvedRef {
  /** The ref as written in the URL (`feature/x`, `v1.0`, or the oid prefix). */
  ref: string;
  /** Path inside the tree after the ref, without leading or trailing `/`; '' for the whole repo. */
  path: string;
  /** The commit the ref points at. */
  oid: string;
}

export interface HistoryQuery {
  owner: string;
  name: string;
  /** Tip commit to walk back from. */
  oid: string;
  /** Only commits that change this path ('' = all). */
  path: string;
  /** Commits to skip from the tip (GitHub's `?after=<oid>+<offset>`). */
  offset: number;
  /** Page size; GitHub shows 35. */
  limit: number;
}

export interface HistoryPage {
  commits: PageCommit[];
  /** More commits exist past this page (the "Older" button is enabled). */
  hasOlder: boolean;
  /** This page does not start at the tip (the "Newer" button is enabled). */
  hasNewer: boolean;
}

export interface PageCommit {
  oid: string;
  /** Full commit message; the page's title is its first line (GitHub's `messageHeadline`). */
  message: string;
  author: PageAuthor;
  /** Committer date, which GitHub's list groups and sorts by. */
  committedDate: string;
  parents: string[];
  /** Combined CI status (`checks-status-badge-button`); absent when the commit has no checks. */
  checkStatus?: 'success' | 'failure' | 'pending';
}

export interface PageAuthor {
  name: string;
  email: string;
  /** The GitHub user the author email belongs to, when there is one. */
  login: string | undefined;
  date: string;
}

export interface PagePullRequest {
  number: number;
  title: string;
  baseRef: string;
  headRef: string;
  commits: PageCommit[];
}

/**
 * The longest-existing-ref rule of `PageSource.resolveRef`, for implementations that can list
 * their refs. `oidOf` maps a branch/tag name or oid prefix to a commit, undefined if unknown.
 */
export function splitRefPath(refAndPath: string, oidOf: (ref: string) => string | undefined): ResolvedRef | undefined {
  const segments = refAndPath.split('/').filter((s) => s !== '');
  for (let n = segments.length; n > 0; n--) {
    const ref = segments.slice(0, n).join('/');
    const oid = oidOf(ref);
    if (oid) return { ref, path: segments.slice(n).join('/'), oid };
  }
  return undefined;
}
