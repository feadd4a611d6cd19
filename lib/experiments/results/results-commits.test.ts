import { join } from 'node:path';
import { readProject, type Project } from '../../dvc';
import { DVC_FIXTURES, fixtureTexts } from '../../../tests/fixture-paths';
import { cmlPrHint, declaresInput, foldResults, isResultsCommit, type CommitFacts } from './results-commits';

// The real Studio → CI → `cml pr` chain of iterative/example-get-started-experiments (fixtures
// README): Studio's params commit 5f02cf9 "Update params.yaml:train.img_size", then GitHub's
// squash merge bce16d4 "CML PR for 5f02cf9a [skip ci] (#120)" of CML's PR, whose files are the
// `--stat` of commits/bce16d4-cml-pr-squash-merge.txt.
const EXP = join(DVC_FIXTURES, 'iterative__example-get-started-experiments');
const RUN = '5f02cf9ad5f51d69da881f6d789be22832fcde9c';
const SQUASH = 'bce16d4e79a586b49dfd225a62c6a0794028a413';
const BASE = '15dd333aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const SQUASH_PATHS = [
  'dvc.lock',
  'results/evaluate/metrics.json',
  ...[
    'REGION_1-24_1136_2160_0_1024',
    'REGION_2-19_1136_2160_0_1024',
    'REGION_3-8_0_1024_2816_3840',
    'REGION_4-12_1024_2048_1024_2048',
    'REGION_5-15_0_1024_1024_2048',
    'REGION_5-15_1024_2048_0_1024',
    'REGION_5-15_1136_2160_0_1024',
    'REGION_5-7_1136_2160_2048_3072',
    'REGION_6-13_1024_2048_2048_3072',
    'REGION_7-3_1024_2048_1024_2048',
  ].map((name) => `results/evaluate/plots/images/${name}.png`),
  'results/evaluate/report.md',
  'results/train/metrics.json',
  'results/train/plots/metrics/dice_multi.tsv',
  'results/train/plots/metrics/eval/loss.tsv',
  'results/train/plots/metrics/train/loss.tsv',
  'results/train/report.md',
  'results/train/static/dice_multi.png',
  'results/train/static/eval/loss.png',
  'results/train/static/train/loss.png',
];

async function project(files: Record<string, string>): Promise<Project> {
  return readProject(async (p) => files[p] ?? null, Object.keys(files));
}

const squashFiles = fixtureTexts(join(EXP, 'studio-run-after-cml-pr-bce16d4'));
// The Studio commit: the squash's tree with the lock and metrics it had before CI (img_size 256 locked, 384 in params).
const runFiles = { ...squashFiles, ...fixtureTexts(join(EXP, 'studio-commit-5f02cf9')) };
const baseFiles = { ...runFiles, 'params.yaml': runFiles['params.yaml']!.replace('img_size: 384', 'img_size: 256') };

let run: CommitFacts;
let squash: CommitFacts;
let base: CommitFacts;

beforeAll(async () => {
  base = { sha: BASE, parents: [], message: 'Merge pull request #118', project: await project(baseFiles) };
  run = { sha: RUN, parents: [BASE], message: 'Update params.yaml:train.img_size', changedPaths: ['params.yaml'], project: await project(runFiles) };
  squash = { sha: SQUASH, parents: [RUN], message: 'CML PR for 5f02cf9a [skip ci] (#120)', changedPaths: SQUASH_PATHS, project: await project(squashFiles) };
});

describe('isResultsCommit: the rule is what the commit changed', () => {
  it('the real `cml pr` squash merge holds the results of the Studio commit', () => {
    expect(run.project!.params.find((p) => p.key === 'train.img_size')).toMatchObject({ value: 384, locked: 256 });
    expect(isResultsCommit(squash, run)).toBe(true);
  });

  it('a changed source file makes it an ordinary commit, whatever its message says', () => {
    expect(isResultsCommit({ ...squash, changedPaths: [...SQUASH_PATHS, 'src/train.py'] }, run)).toBe(false);
    expect(isResultsCommit({ ...squash, changedPaths: [...SQUASH_PATHS, 'README.md'] }, run)).toBe(false);
  });

  it('its parent must be the run’s commit', () => {
    expect(isResultsCommit(squash, { ...run, sha: BASE })).toBe(false);
  });

  it('a params change is never folded, even one inside the DVCLive folder (results/train/params.yaml)', async () => {
    const edited = { ...squashFiles, 'results/train/params.yaml': squashFiles['results/train/params.yaml']!.replace(/batch_size: \d+/, 'batch_size: 4') };
    expect(edited['results/train/params.yaml']).not.toBe(squashFiles['results/train/params.yaml']);
    const commit = { ...squash, changedPaths: [...SQUASH_PATHS, 'results/train/params.yaml'], project: await project(edited) };
    expect(isResultsCommit(commit, run)).toBe(false);
    expect(isResultsCommit(commit, run, true)).toBe(false);
  });

  it('unknown changed paths or an empty change are no results', () => {
    expect(isResultsCommit({ ...squash, changedPaths: undefined }, run)).toBe(false);
    expect(isResultsCommit({ ...squash, changedPaths: [] }, run)).toBe(false);
  });
});

describe('[skip studio] input commits', () => {
  const DATA = 'outs:\n- md5: 22a1a2931c8370d3aeedd7183606fd7f\n  size: 14445097\n  hash: md5\n  path: data.xml\n';
  const files = {
    'dvc.yaml':
      'stages:\n  train:\n    cmd: python train.py\n    deps: [data/data.xml, train.py]\n    params: [train.n_est]\n    metrics: [{scores.json: {cache: false}}]\n',
    'params.yaml': 'train:\n  n_est: 100\n',
    'data/data.xml.dvc': DATA,
    'scores.json': '{"auc": 0.5}',
  };

  it('declaresInput reads Studio’s marker', () => {
    expect(declaresInput('Increase n_est [skip studio]')).toBe(true);
    expect(declaresInput('Increase n_est\n\n[skip studio]')).toBe(true);
    expect(declaresInput('Increase n_est [skip ci]')).toBe(false);
  });

  it('the child of an input commit is folded whatever else it touched, unless its data changed', async () => {
    const input: CommitFacts = { sha: 'i'.repeat(40), parents: ['p'.repeat(40)], message: 'Try 200 trees [skip studio]', project: await project(files) };
    const results: CommitFacts = {
      sha: 'r'.repeat(40),
      parents: [input.sha],
      message: 'Results of the last experiment',
      changedPaths: ['scores.json', 'README.md'],
      project: await project({ ...files, 'scores.json': '{"auc": 0.9}' }),
    };
    expect(isResultsCommit(results, input)).toBe(false);
    expect(isResultsCommit(results, input, true)).toBe(true);
    expect(foldResults([results, input]).foldedInto.get(results.sha)).toBe(input.sha);
    const newData = { ...results, project: await project({ ...files, 'data/data.xml.dvc': DATA.replace('22a1', '33b2') }) };
    expect(isResultsCommit(newData, input, true)).toBe(false);
  });
});

describe('foldResults over a page', () => {
  it('folds the squash into the Studio commit, and a follow-up results commit too (newest first)', async () => {
    const followUp: CommitFacts = {
      sha: 'f'.repeat(40),
      parents: [SQUASH],
      message: 'Refresh the evaluation',
      changedPaths: ['results/evaluate/metrics.json', 'dvc.lock'],
      project: await project({ ...squashFiles, 'results/evaluate/metrics.json': '{"dice_multi": 0.99}' }),
    };
    const folding = foldResults([followUp, squash, run, base]);
    expect(Object.fromEntries(folding.foldedInto)).toEqual({ [followUp.sha]: RUN, [SQUASH]: RUN });
    expect(folding.resultsOf.get(RUN)).toEqual([followUp.sha, SQUASH]);
    expect(folding.resultsOf.has(BASE)).toBe(false);
  });

  it('the Studio commit itself is never folded into its parent (its params changed)', () => {
    expect(foldResults([run, base]).foldedInto.size).toBe(0);
  });

  it('a run commit on top of results starts a new experiment', async () => {
    const next: CommitFacts = {
      sha: 'n'.repeat(40),
      parents: [SQUASH],
      message: 'Update params.yaml:train.batch_size',
      changedPaths: ['params.yaml'],
      project: await project({ ...squashFiles, 'params.yaml': squashFiles['params.yaml']!.replace(/batch_size: \d+/, 'batch_size: 4') }),
    };
    const folding = foldResults([next, squash, run, base]);
    expect(folding.foldedInto.has(next.sha)).toBe(false);
    expect(folding.foldedInto.get(SQUASH)).toBe(RUN);
  });
});

describe('cmlPrHint: what `cml pr` writes names the run commit (a hint, not the rule)', () => {
  it('the commit message, the squash headline, the PR title and body', () => {
    expect(cmlPrHint('CML PR for 5f02cf9a [skip ci]')).toBe('5f02cf9a');
    expect(cmlPrHint('CML PR for 5f02cf9a [skip ci] (#120)')).toBe('5f02cf9a');
    expect(cmlPrHint('CML PR for main-15dd333 55a940f6 (#194)')).toBe('55a940f6');
    expect(
      cmlPrHint(
        'Automated commits for https://github.com/iterative/example-get-started-experiments/commit/5f02cf9ad5f51d69da881f6d789be22832fcde9c created by CML.',
      ),
    ).toBe(RUN);
    expect(cmlPrHint('Update params.yaml:train.img_size')).toBeUndefined();
  });
});
