import { latestContexts, rollupState } from '../graphql/check-models';
import { pullRequestCommits } from '../graphql/git-models';
import type { Repository, Store } from '../store';
import { splitRefPath, type HistoryPage, type PageCommit, type PageSource, type ResolvedRef } from './source';

/**
 * The PageSource of the seeded world: pages list the real commits of the bare repositories in
 * the store (`git log` order and path filter, as GitHub's commit list), CI badges from the
 * store's check runs and statuses, authors linked to users by email.
 */
export function gitPageSource(store: Store): PageSource {
  const find = (owner: string, name: string) => store.repository(owner, name);

  const pageCommit = async (repo: Repository, oid: string): Promise<PageCommit> => {
    const c = await repo.git.readCommit(oid);
    if (!c) throw new Error(`${repo.owner}/${repo.name}: commit ${oid} is missing`);
    const login = store.userByEmail(c.author.email)?.login;
    const { runs, statuses } = latestContexts(repo, oid);
    const state = runs.length || statuses.length ? rollupState(runs, statuses) : undefined;
    const checkStatus = state === undefined ? undefined : state === 'SUCCESS' ? 'success' : state === 'FAILURE' || state === 'ERROR' ? 'failure' : 'pending';
    return {
      oid,
      message: c.message.replace(/\n+$/, ''),
      author: { name: c.author.name, email: c.author.email, login, date: c.author.date },
      committedDate: c.committer.date,
      parents: c.parents,
      ...(checkStatus ? { checkStatus } : {}),
    };
  };

  return {
    viewerLogin: store.defaultUser.login,
    async repository(owner, name) {
      const repo = find(owner, name);
      return repo && { owner: repo.owner, name: repo.name, defaultBranch: repo.defaultBranch };
    },
    async resolveRef(owner, name, refAndPath): Promise<ResolvedRef | undefined> {
      const repo = find(owner, name);
      if (!repo) return undefined;
      const named = new Map<string, string>();
      // Tags first so that a branch of the same name overwrites it: branches win at equal length.
      for (const prefix of ['refs/tags/', 'refs/heads/']) {
        for (const ref of await repo.git.refs(prefix)) named.set(ref.name.slice(prefix.length), ref.peeled);
      }
      const hit = splitRefPath(refAndPath, (ref) => named.get(ref));
      if (hit) return hit;
      const [first, ...rest] = refAndPath.split('/').filter((s) => s !== '');
      if (!first || !/^[0-9a-f]{7,40}$/.test(first)) return undefined;
      const oid = await repo.git.resolveCommit(first);
      return oid ? { ref: first, path: rest.join('/'), oid } : undefined;
    },
    async history(query): Promise<HistoryPage> {
      const repo = find(query.owner, query.name);
      if (!repo) return { commits: [], hasOlder: false, hasNewer: false };
      const oids = await repo.git.log({ from: query.oid, path: query.path || undefined, skip: query.offset, max: query.limit + 1 });
      return {
        commits: await Promise.all(oids.slice(0, query.limit).map((oid) => pageCommit(repo, oid))),
        hasOlder: oids.length > query.limit,
        hasNewer: query.offset > 0,
      };
    },
    async pullRequest(owner, name, number) {
      const repo = find(owner, name);
      const pr = repo?.pullRequests.find((p) => p.number === number);
      if (!repo || !pr) return undefined;
      const oids = await pullRequestCommits({ store, repo }, pr);
      return {
        number: pr.number,
        title: pr.title,
        baseRef: pr.baseRefName,
        headRef: pr.headRefName,
        commits: await Promise.all(oids.map((oid) => pageCommit(repo, oid))),
      };
    },
  };
}
