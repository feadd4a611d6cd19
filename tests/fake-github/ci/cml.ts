import { GitError } from '../git/run';
import { pullRequestsContaining } from '../rest/routes/commits';
import type { Comment, PullRequest, Repository, Store } from '../store';
import type { Reproduction } from './pipeline';
import { StageError } from './sample-stages';
import { ACTIONS_BOT, CML_BOT } from './workflow';

/**
 * What CML does with a reproduction, on the fake's git and store: `cml pr --squash --skip-ci`
 * (iterative/cml `src/cml.js` `prCreate`) or a plain results commit pushed back to the
 * branch, and `cml comment create` with its target rules (`src/commenttarget.js`). Every ref moves by
 * compare-and-swap; `own` collects the commits made, which (pushed with the workflow's
 * GITHUB_TOKEN) start no workflow of their own.
 */

const GITHUB_WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };

export interface Landing {
  repo: Repository;
  store: Store;
  branch: string;
  sha: string;
  repro: Reproduction;
  /** Commits CI made, so their pushes trigger nothing (GitHub's GITHUB_TOKEN rule). */
  own: Set<string>;
}

export interface Landed {
  /** The commit carrying the new dvc.lock and metrics (on the results branch, or on `branch`). */
  commit: string;
  /** `cml pr` only: its source branch, pull request, and the squash commit once merged. */
  sourceBranch?: string;
  pullRequest?: PullRequest;
  merged?: string;
}

const now = (store: Store) => new Date(store.clock.now()).toISOString();

async function resultsCommit(land: Landing, message: string): Promise<string> {
  const bot = { ...CML_BOT, date: now(land.store) };
  const oid = await land.repo.git.commitChanges({
    parent: land.sha,
    changes: { additions: land.repro.changes, deletions: [] },
    message,
    author: bot,
    committer: bot,
  });
  land.own.add(oid);
  return oid;
}

/** A follow-up commit on the branch itself; a branch that moved meanwhile rejects the push, failing the job. */
export async function pushResultsCommit(land: Landing): Promise<Landed> {
  const commit = await resultsCommit(land, `CML results for ${land.sha.slice(0, 8)} [skip ci]`);
  if (!(await land.repo.git.updateRef(`refs/heads/${land.branch}`, commit, land.sha))) {
    throw new StageError(` ! [rejected]        HEAD -> ${land.branch} (fetch first)\nerror: failed to push some refs: the branch moved while CI ran`);
  }
  return { commit };
}

/**
 * `cml pr --squash --skip-ci`: the results commit on `<branch>-cml-pr-<sha8>`, a pull request
 * into the branch, merged at once by squash (CML's fallback when auto-merge cannot wait). An
 * existing source branch means CML already opened that PR: nothing more is pushed.
 */
export async function cmlPullRequest(land: Landing): Promise<Landed | null> {
  const { repo, store, branch, sha } = land;
  const sha8 = sha.slice(0, 8);
  const sourceBranch = `${branch}-cml-pr-${sha8}`;
  const message = `CML PR for ${sha8} [skip ci]`;
  const commit = await resultsCommit(land, message);
  if (!(await repo.git.updateRef(`refs/heads/${sourceBranch}`, commit, null))) return null;
  if (!store.user(ACTIONS_BOT)) store.addUser({ login: ACTIONS_BOT });
  const pr = store.addPullRequest(repo, {
    title: `CML PR for ${branch} ${sha8}`,
    body: `Automated commits for ${store.webBase}/${repo.owner}/${repo.name}/commit/${sha} created by CML.`,
    headRefName: sourceBranch,
    baseRefName: branch,
    headRefOid: commit,
    author: ACTIONS_BOT,
    createdAt: now(store),
  });
  const merged = await squashMerge(land, pr, commit, `${message} (#${pr.number})`);
  return { commit, sourceBranch, pullRequest: pr, ...(merged ? { merged } : {}) };
}

/** GitHub's squash merge: one commit on the base with the head's tree merged in; a conflict leaves the PR open. */
async function squashMerge(land: Landing, pr: PullRequest, head: string, message: string): Promise<string | null> {
  const git = land.repo.git;
  const ref = `refs/heads/${pr.baseRefName}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const base = await git.readRef(ref);
    if (!base) return null;
    let tree: string;
    if (base === land.sha) {
      tree = (await git.readCommit(head))!.tree;
    } else {
      try {
        // The merge base is the pushed sha: the base branch grew from it, the results branch too.
        tree = (await git.run(['merge-tree', '--write-tree', base, head])).toString('utf8').split('\n')[0]!;
      } catch (error) {
        if (error instanceof GitError && error.code === 1) return null;
        throw error;
      }
    }
    const date = now(land.store);
    const squash = await git.commitTree({ tree, parents: [base], message, author: { ...CML_BOT, date }, committer: { ...GITHUB_WEB_FLOW, date } });
    land.own.add(squash);
    if (await git.updateRef(ref, squash, base)) {
      pr.state = 'MERGED';
      return squash;
    }
  }
  return null;
}

/**
 * `cml comment create` with the default target: the event's pull request, else the first open
 * pull request `commits/{sha}/pulls` lists, else a commit comment on the sha.
 */
export async function postReport(
  land: Pick<Landing, 'repo' | 'store' | 'sha'>,
  body: string,
  eventPr: PullRequest | null,
): Promise<{ on: 'pull_request'; pr: PullRequest; comment: Comment } | { on: 'commit'; comment: Comment }> {
  const { repo, store, sha } = land;
  if (!store.user(ACTIONS_BOT)) store.addUser({ login: ACTIONS_BOT });
  const at = now(store);
  const pr = eventPr ?? (await pullRequestsContaining(repo, sha)).find((p) => p.pr.state === 'OPEN')?.pr ?? null;
  if (pr) return { on: 'pull_request', pr, comment: store.addPullRequestComment(pr, { body, author: ACTIONS_BOT, createdAt: at, updatedAt: at }) };
  return { on: 'commit', comment: store.addCommitComment(repo, { commitOid: sha, body, author: ACTIONS_BOT, createdAt: at, updatedAt: at }) };
}
