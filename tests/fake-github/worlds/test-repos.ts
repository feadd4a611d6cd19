import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '../app';
import { seedRepository } from '../seed/repository';
import type { CommitSpec } from '../seed/snapshots';
import type { Store } from '../store';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 8, 1, 9, 0, 0);
const at = (hours: number) => new Date(START + hours * HOUR).toISOString().replace('.000Z', 'Z');
const OCTOCAT = { name: 'Octo Cat', email: 'octocat@github.com', login: 'octocat' };
const BRANCH = 'feature/deep/ref';

/** The oids of the seeded `acme/mnist`, for tests to check pages against. */
export interface TestRepo {
  /** The 80 commits of `main`, oldest first. */
  main: string[];
  /** The 3 commits of `feature/deep/ref` (on top of main's tip), oldest first: PR #3's commits. */
  branch: string[];
}

/**
 * Seeds `acme/mnist` into `store` as a real repository under `root`: 80 commits on `main`
 * (three pages of 35, 35, 10; every fifth changing `src/train.py`, every seventh with a
 * description, every third with a CI check, failing on odd ones), a branch whose name contains
 * slashes, a lightweight tag `v1.0` on the tenth commit, and PR #3 whose three commits sit on
 * that branch. One commit message is hostile HTML. Dates are 5 hours apart from 2026-09-01 09:00Z.
 */
export async function seedTestRepo(store: Store, root: string): Promise<TestRepo> {
  const folder = join(root, 'snapshots', 'acme-mnist');
  const snapshot = async (name: string, spec: CommitSpec, files: Record<string, string>) => {
    for (const [path, text] of Object.entries({ ...files, 'commit.json': JSON.stringify(spec) })) {
      await mkdir(dirname(join(folder, name, path)), { recursive: true });
      await writeFile(join(folder, name, path), text);
    }
  };
  for (let i = 0; i < 80; i++) {
    const message =
      i === 40
        ? 'Try <img src=x onerror="alert(1)"> & "quotes"'
        : `Experiment ${i + 1}: lr=${(0.001 * (i + 1)).toFixed(3)}${i % 7 === 0 ? `\n\nWhy: run ${i + 1} of the sweep.\nSecond line.` : ''}`;
    const files: Record<string, string> = { 'params.yaml': `train:\n  lr: ${(0.001 * (i + 1)).toFixed(3)}\n` };
    if (i % 5 === 0) files['src/train.py'] = `# revision ${i + 1}\nEPOCHS = ${i + 1}\n`;
    await snapshot(String(i + 1).padStart(3, '0'), { message, author: OCTOCAT, date: at(i * 5) }, files);
  }
  for (let i = 0; i < 3; i++) {
    await snapshot(
      String(81 + i).padStart(3, '0'),
      { message: `Branch work ${i + 1}`, author: OCTOCAT, date: at(80 * 5 + i), branch: BRANCH },
      { 'dvc.yaml': `# branch work ${i + 1}\nstages: {}\n` },
    );
  }

  const { repository, seed } = await seedRepository(store, { owner: 'acme', name: 'mnist', folder, root });
  const main = seed.commits.filter((c) => c.branch === 'main').map((c) => c.oid);
  const branch = seed.commits.filter((c) => c.branch === BRANCH).map((c) => c.oid);
  if (!(await repository.git.updateRef('refs/tags/v1.0', main[9]!, null))) throw new Error('acme/mnist: tag v1.0 exists already');
  main.forEach((oid, i) => {
    if (i % 3 === 0) store.addCheckRun(repository, { headSha: oid, name: 'CI', conclusion: i % 2 ? 'FAILURE' : 'SUCCESS' });
  });
  // Issues #1 and #2 took the first numbers of the sequence PRs share with them.
  store.addPullRequest(repository, { number: 3, title: 'Deep ref experiments', baseRefName: 'main', headRefName: BRANCH, headRefOid: branch.at(-1)! });
  return { main, branch };
}

export interface TestGitHub {
  fake: FakeGitHub;
  repo: TestRepo;
}

/** The whole fake GitHub (pages, REST, GraphQL on real git) with `acme/mnist` seeded. */
export async function startTestGitHub(options: FakeGitHubOptions = {}): Promise<TestGitHub> {
  const fake = await startFakeGitHub(options);
  try {
    return { fake, repo: await seedTestRepo(fake.store, fake.root) };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
