import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { GitRepo, type Person } from '../git/repo';
import type { PullRequest, Repository, Store } from '../store';
import { fixtureFolder } from '../../fixture-paths';
import { EXAMPLE_GET_STARTED_EXPERIMENTS } from './fixtures';

/**
 * `iterative/example-get-started-experiments` as Studio and CML left it (dvc-studio-cml §1.2,
 * §1.4, §4.4), rebuilt in real git from the fixture files: a baseline on `main`; Studio's params
 * commit on a new branch `main-<sha7>` with its pull request; CI's `cml pr` commit
 * "CML PR for <sha8> [skip ci]" by Olivaw[bot] on `<branch>-cml-pr-<sha8>`, its pull request
 * (body as `cml pr` writes it), squash-merged back onto the Studio branch. And the older
 * pattern: an input commit saying `[skip studio]` followed on the same branch by a results commit
 * and a follow-up results commit. GitHub-side data (PRs, comments, CI) is left to the tests.
 */
export interface StudioRuns {
  repository: Repository;
  base: string;
  studioBranch: string;
  /** Studio's "Update params.yaml:train.img_size". */
  studio: string;
  cmlBranch: string;
  /** `cml pr`'s commit on the CML branch. */
  cmlCommit: string;
  /** GitHub's squash merge of the CML PR onto the Studio branch: the results commit of `studio`. */
  squash: string;
  studioPr: PullRequest;
  cmlPr: PullRequest;
  skipBranch: string;
  /** "… [skip studio]": params changed, results to follow. */
  input: string;
  results: string;
  followUp: string;
}

const STUDIO: Person = { name: 'David de la Iglesia Castro', email: 'daviddelaiglesiacastro@gmail.com' };
const STUDIO_BOT: Person = { name: 'iterative-studio[bot]', email: 'bots+studio@iterative.ai' };
const OLIVAW: Person = { name: 'Olivaw[bot]', email: 'olivaw@iterative.ai' };
const GITHUB: Person = { name: 'GitHub', email: 'noreply@github.com' };

const at = (minutes: number, person: Person): Person => ({ ...person, date: new Date(Date.UTC(2023, 4, 8, 11, 0) + minutes * 60_000).toISOString() });

export async function seedStudioRuns(store: Store, root: string): Promise<StudioRuns> {
  await mkdir(join(root, 'iterative'), { recursive: true });
  const git = await GitRepo.init(join(root, 'iterative', 'example-get-started-experiments.git'), 'main');
  const after = fixtureFolder(join(EXAMPLE_GET_STARTED_EXPERIMENTS, 'studio-run-after-cml-pr-bce16d4'));
  const before = fixtureFolder(join(EXAMPLE_GET_STARTED_EXPERIMENTS, 'studio-commit-5f02cf9'));
  const text = (files: Map<string, Buffer>, path: string) => files.get(path)!.toString('utf8');
  const add = (entries: Iterable<[string, Buffer | string]>) => [...entries].map(([path, contents]) => ({ path, contents: Buffer.from(contents) }));
  const commit = (parent: string | null, message: string, author: Person, committer: Person, additions: ReturnType<typeof add>) =>
    git.commitChanges({ parent, changes: { additions, deletions: [] }, message, author, committer });

  // The baseline: the squash's tree as it stood before CI, img_size 256 everywhere, plus code.
  const baseFiles = new Map<string, Buffer | string>([...after, ...before]);
  baseFiles.set('params.yaml', text(before, 'params.yaml').replace('img_size: 384', 'img_size: 256'));
  baseFiles.set('src/train.py', 'import dvclive\n');
  const base = await commit(null, 'Merge pull request #118 from iterative/evaluate', at(0, STUDIO), at(0, GITHUB), add(baseFiles));
  await git.updateRef('refs/heads/main', base, null);

  const studioBranch = `main-${base.slice(0, 7)}`;
  const studio = await commit(
    base,
    'Update params.yaml:train.img_size',
    at(10, STUDIO),
    at(10, STUDIO_BOT),
    add([['params.yaml', text(before, 'params.yaml')]]),
  );
  await git.updateRef(`refs/heads/${studioBranch}`, studio, null);
  const sha8 = studio.slice(0, 8);

  // `cml pr --squash --skip-ci .`: the reproduced lock, metrics, plots, images and DVCLive reports.
  const images = [...after.keys()].filter((p) => p.startsWith('results/')).map((p): [string, Buffer | string] => [p, after.get(p)!]);
  const pngs: [string, string][] = ['REGION_1-24_1136_2160_0_1024', 'REGION_7-3_1024_2048_1024_2048'].map((n) => [
    `results/evaluate/plots/images/${n}.png`,
    `\u0089PNG fake image ${n}`,
  ]);
  const resultsChanges = add([['dvc.lock', after.get('dvc.lock')!], ...images, ...pngs, ['results/train/static/dice_multi.png', '\u0089PNG dice']]);
  const cmlBranch = `${studioBranch}-cml-pr-${sha8}`;
  const cmlCommit = await commit(studio, `CML PR for ${sha8} [skip ci]`, at(17, OLIVAW), at(17, OLIVAW), resultsChanges);
  await git.updateRef(`refs/heads/${cmlBranch}`, cmlCommit, null);
  const squash = await commit(studio, `CML PR for ${sha8} [skip ci] (#2)`, at(18, OLIVAW), at(18, GITHUB), resultsChanges);
  await git.updateRef(`refs/heads/${studioBranch}`, squash, studio);

  // The older pattern: `[skip studio]` input, then results pushed back to the same branch.
  const skipBranch = 'try-img-512';
  const input = await commit(
    base,
    'Try img_size 512 [skip studio]',
    at(30, STUDIO),
    at(30, STUDIO),
    add([['params.yaml', text(before, 'params.yaml').replace('img_size: 384', 'img_size: 512')]]),
  );
  const lock512 = text(after, 'dvc.lock').replace(/img_size: 384/g, 'img_size: 512');
  const results = await commit(
    input,
    'Results of the last experiment',
    at(40, OLIVAW),
    at(40, OLIVAW),
    add([
      ['dvc.lock', lock512],
      ['results/train/metrics.json', text(after, 'results/train/metrics.json').replace(/"dice_multi": [0-9.]+/, '"dice_multi": 0.9512')],
      ['results/train/report.md', '# Training report\n'],
    ]),
  );
  const followUp = await commit(
    results,
    'Refresh evaluation',
    at(50, OLIVAW),
    at(50, OLIVAW),
    add([['results/evaluate/metrics.json', text(after, 'results/evaluate/metrics.json').replace(/"dice_multi": [0-9.]+/, '"dice_multi": 0.9433')]]),
  );
  await git.updateRef(`refs/heads/${skipBranch}`, followUp, null);

  const repository = store.addRepository({ owner: 'iterative', name: 'example-get-started-experiments', git });
  repository.collaborators.set(store.defaultUser.login, 'write');
  for (const login of ['iterative-studio[bot]', 'iterative-olivaw[bot]', 'github-actions[bot]']) if (!store.user(login)) store.addUser({ login });
  const studioPr = store.addPullRequest(repository, {
    title: studioBranch,
    headRefName: studioBranch,
    baseRefName: 'main',
    headRefOid: squash,
    author: 'iterative-studio[bot]',
    createdAt: at(10, STUDIO).date!,
  });
  const cmlPr = store.addPullRequest(repository, {
    title: `CML PR for ${studioBranch} ${sha8}`,
    body: `Automated commits for https://github.com/iterative/example-get-started-experiments/commit/${studio} created by CML.`,
    headRefName: cmlBranch,
    baseRefName: studioBranch,
    headRefOid: cmlCommit,
    state: 'MERGED',
    author: 'iterative-olivaw[bot]',
    createdAt: at(17, OLIVAW).date!,
  });
  return { repository, base, studioBranch, studio, cmlBranch, cmlCommit, squash, studioPr, cmlPr, skipBranch, input, results, followUp };
}

/** A classic `repo` token and a fine-grained one with every permission a reader of CI can have (none for checks: GitHub offers none). */
export const STUDIO_TOKENS = { classic: 'ghp_classic', fineGrained: 'github_pat_fg' } as const;

export function addStudioTokens(store: Store): void {
  store.tokens.add(STUDIO_TOKENS.classic, store.defaultUser.login, { kind: 'classic', scopes: ['repo'] });
  store.tokens.add(STUDIO_TOKENS.fineGrained, store.defaultUser.login, {
    kind: 'fine-grained',
    permissions: { contents: 'read', metadata: 'read', statuses: 'read', actions: 'read', pull_requests: 'read' },
  });
}
