import { createHash } from 'node:crypto';
import { splitRefPath, type HistoryPage, type HistoryQuery, type PageCommit, type PagePullRequest, type PageRepository, type PageSource, type ResolvedRef } from './source';

/** A commit held in memory: what the page shows, plus the paths it changes (for path history). */
export interface MemoryCommit extends PageCommit {
  changedPaths: string[];
}

export interface MemoryRepo extends PageRepository {
  /** All commits; order does not matter, parents link them. */
  commits: MemoryCommit[];
  branches: Record<string, string>;
  tags?: Record<string, string>;
  pulls?: PagePullRequest[];
}

/** A PageSource over hand-built repositories, for page and end-to-end tests. */
export function memorySource(repos: MemoryRepo[], viewerLogin: string | undefined = 'octocat'): PageSource {
  const find = (owner: string, name: string) =>
    repos.find((r) => r.owner.toLowerCase() === owner.toLowerCase() && r.name.toLowerCase() === name.toLowerCase());

  return {
    viewerLogin,
    async repository(owner, name) {
      const repo = find(owner, name);
      return repo && { owner: repo.owner, name: repo.name, defaultBranch: repo.defaultBranch };
    },
    async resolveRef(owner, name, refAndPath): Promise<ResolvedRef | undefined> {
      const repo = find(owner, name);
      if (!repo) return undefined;
      return splitRefPath(refAndPath, (ref) => {
        const named = repo.branches[ref] ?? repo.tags?.[ref];
        if (named) return named;
        if (!/^[0-9a-f]{7,40}$/.test(ref)) return undefined;
        const hits = repo.commits.filter((c) => c.oid.startsWith(ref));
        return hits.length === 1 ? hits[0]!.oid : undefined;
      });
    },
    async history(query: HistoryQuery): Promise<HistoryPage> {
      const repo = find(query.owner, query.name);
      const all = repo ? reachable(repo.commits, query.oid) : [];
      const touching = query.path ? all.filter((c) => c.changedPaths.some((p) => p === query.path || p.startsWith(`${query.path}/`))) : all;
      return {
        commits: touching.slice(query.offset, query.offset + query.limit),
        hasOlder: touching.length > query.offset + query.limit,
        hasNewer: query.offset > 0,
      };
    },
    async pullRequest(owner, name, number) {
      return find(owner, name)?.pulls?.find((p) => p.number === number);
    },
  };
}

/** Commits reachable from `tip`, newest committer date first (git log's default order). */
function reachable(commits: MemoryCommit[], tip: string): MemoryCommit[] {
  const byOid = new Map(commits.map((c) => [c.oid, c]));
  const seen = new Map<string, MemoryCommit>();
  const stack = [tip];
  while (stack.length) {
    const commit = byOid.get(stack.pop()!);
    if (!commit || seen.has(commit.oid)) continue;
    seen.set(commit.oid, commit);
    stack.push(...commit.parents);
  }
  return [...seen.values()].sort((a, b) => b.committedDate.localeCompare(a.committedDate));
}

export interface CommitSpec {
  message: string;
  author?: { name: string; email: string; login?: string };
  date: string;
  changedPaths?: string[];
  checkStatus?: PageCommit['checkStatus'];
}

/**
 * A linear chain of commits, oldest spec first, on top of `base` (none: a root commit); oids are
 * SHA-1s of the commit's content and parent.
 */
export function linearHistory(specs: CommitSpec[], base?: string): MemoryCommit[] {
  const commits: MemoryCommit[] = [];
  for (const spec of specs) {
    const parent = commits.at(-1)?.oid ?? base;
    const parents = parent ? [parent] : [];
    const author = spec.author ?? { name: 'Octo Cat', email: 'octocat@github.com', login: 'octocat' };
    const oid = createHash('sha1').update(JSON.stringify([parents, spec.message, author, spec.date])).digest('hex');
    commits.push({
      oid,
      message: spec.message,
      author: { name: author.name, email: author.email, login: author.login, date: spec.date },
      committedDate: spec.date,
      parents,
      changedPaths: spec.changedPaths ?? [],
      ...(spec.checkStatus ? { checkStatus: spec.checkStatus } : {}),
    });
  }
  return commits;
}
