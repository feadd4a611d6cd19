import type { FakeGitHub } from '../app';
import type { Person } from '../git/repo';
import type { PullRequest, Repository } from '../store';
import { DEMO_OWNER, DEMO_REPO, startDemoGitHub } from './demo-source';

/**
 * How long the tour's run stays queued, then in progress: the overlay's first follow-up, 15 s
 * after the list loads, lands inside the run, and the demo still ends well within two minutes.
 */
export const DEMO_CI_TIMING = { queuedMs: 4_000, runMs: 25_000 };

const DANA: Person = { name: 'Dana Okafor', email: 'dana@example.com' };
const LEE: Person = { name: 'Lee Chen', email: 'lee@example.com' };

export interface DemoWorld {
  fake: FakeGitHub;
  repo: Repository;
  /** The experiment CI trained on main at start-up (its results squash-merged by `cml pr`, its report a commit comment). */
  trained: string;
  /** The open pull request: a params change on its own branch, trained by CI, waiting for review. */
  pullRequest: PullRequest;
}

/**
 * The demo's fake GitHub: the sample project's history (sample/README.md) and then, through the
 * fake's CI at instant speed, what a team using the shipped workflow would have on top of it: one
 * more experiment pushed to main (trained, `cml pr` results merged, a CML report on the commit)
 * and one experiment on a branch with an open pull request. Then CI is paced (`DEMO_CI_TIMING`)
 * for the commit the tour makes.
 */
export async function startDemoWorld(port = 0): Promise<DemoWorld> {
  const fake = await startDemoGitHub(port, { timing: 'instant' });
  try {
    const repo = fake.store.repository(DEMO_OWNER, DEMO_REPO)!;
    const main = (await repo.git.readRef('refs/heads/main'))!;
    const trained = await pushParams(
      repo,
      'refs/heads/main',
      main,
      main,
      { from: 'max_depth: 4', to: 'max_depth: 1' },
      'Update params.yaml:train.max_depth',
      DANA,
    );
    await fake.ci!.settled();

    // The Run form's way: a branch <base>-<sha7> with one params commit, then its pull request.
    const base = (await repo.git.readRef('refs/heads/main'))!;
    const branch = `main-${base.slice(0, 7)}`;
    const head = await pushParams(repo, `refs/heads/${branch}`, base, null, { from: 'n_est: 200', to: 'n_est: 25' }, 'Update params.yaml:train.n_est', LEE);
    await fake.ci!.settled();
    const pullRequest = fake.store.addPullRequest(repo, {
      title: 'Update params.yaml:train.n_est',
      body: 'Fewer trees: is 25 enough?\n\n| param | before | after |\n|---|---|---|\n| `params.yaml:train.n_est` | `200` | `25` |',
      headRefName: branch,
      baseRefName: 'main',
      headRefOid: (await repo.git.readRef(`refs/heads/${branch}`)) ?? head,
      author: 'dana-ml',
    });
    await fake.ci!.settled();
    fake.ci!.options.timing = DEMO_CI_TIMING;
    return { fake, repo, trained, pullRequest };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** One commit on `parent` changing one line of params.yaml, and the ref moved to it (compare-and-swap against `old`): a push, as CI sees it. */
async function pushParams(
  repo: Repository,
  ref: string,
  parent: string,
  old: string | null,
  edit: { from: string; to: string },
  message: string,
  person: Person,
): Promise<string> {
  const params = await repo.git.readObject(`${parent}:params.yaml`);
  if (params?.type !== 'blob') throw new Error(`No params.yaml at ${parent}`);
  const text = params.content.toString('utf8');
  if (!text.includes(edit.from)) throw new Error(`params.yaml at ${parent} has no "${edit.from}"`);
  const contents = new TextEncoder().encode(text.replace(edit.from, edit.to));
  const oid = await repo.git.commitChanges({
    parent,
    changes: { additions: [{ path: 'params.yaml', contents }], deletions: [] },
    message,
    author: person,
    committer: person,
  });
  if (!(await repo.git.updateRef(ref, oid, old))) throw new Error(`${ref} moved while the demo was set up`);
  return oid;
}
