import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { diffMetrics, diffParams, readProject, type Project } from '../dvc';
import { idbCache } from '../cache';
import type { GitHubClient } from '../github/client';
import { DVC_FIXTURES, fixtureTexts } from '../../tests/fixture-paths';
import { addCiAndResults } from './ci-and-results';
import type { CiStatus } from './ci/ci-status';
import type { LiveData } from './ci/live-query';
import type { ExperimentRow } from './types';

// The real Studio commit 5f02cf9 and the squash bce16d4 of CML's PR (example-get-started-experiments
// fixtures), as a page [squash, studio] over the baseline: what part 2 makes of part 1's rows.
const EXP = join(DVC_FIXTURES, 'iterative__example-get-started-experiments');
const RUN = '5f02cf9ad5f51d69da881f6d789be22832fcde9c';
const SQUASH = 'bce16d4e79a586b49dfd225a62c6a0794028a413';
const BASE = '15dd333aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const repo = { owner: 'iterative', name: 'example-get-started-experiments' };

const project = (files: Record<string, string>) => readProject(async (p) => files[p] ?? null, Object.keys(files));

/** A part-1 row as DESIGN defines it: the project at the commit against its first parent's. */
function row(sha: string, parents: string[], p: Project, parent: Project): ExperimentRow {
  return {
    sha,
    parents,
    params: p.params,
    paramChanges: diffParams(parent.params, p.params),
    unreproduced: p.params
      .filter((x) => 'locked' in x && diffParams([{ ...x, value: x.locked! }], [x]).length > 0)
      .map((x) => ({ file: x.file, key: x.key, value: x.value, locked: x.locked })),
    metrics: p.metrics,
    metricChanges: diffMetrics(parent.metrics, p.metrics),
    cachedMetrics: p.cachedMetrics,
    stages: p.stages,
    problems: [],
  };
}

const none: CiStatus = { state: 'none', checks: [], partial: false };
const live = (sha: string, message: string, extra: Partial<LiveData> = {}): [string, LiveData] => [
  sha,
  { ci: none, url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`, message, ...extra },
];
const noClient = {} as GitHubClient; // every answer is given: a request would throw

describe('addCiAndResults on the real Studio run', () => {
  it('the run shows the squash’s metrics against its parent, the squash is folded, nothing fetched', async () => {
    const squashFiles = fixtureTexts(join(EXP, 'studio-run-after-cml-pr-bce16d4'));
    const runFiles = { ...squashFiles, ...fixtureTexts(join(EXP, 'studio-commit-5f02cf9')) };
    const baseFiles = { ...runFiles, 'params.yaml': runFiles['params.yaml']!.replace('img_size: 384', 'img_size: 256') };
    const [base, run, squash] = await Promise.all([project(baseFiles), project(runFiles), project(squashFiles)]);
    const cache = idbCache({ name: 'ci-and-results' });
    // The paths bce16d4 changed, as its --stat lists them (commits/bce16d4-cml-pr-squash-merge.txt, shortened here).
    await cache.put(`changed-paths:${repo.owner}/${repo.name}@${SQUASH}`, [
      'dvc.lock',
      'results/evaluate/metrics.json',
      'results/train/metrics.json',
      'results/train/report.md',
    ]);
    const report = {
      url: 'https://github.com/o/r/pull/119#issuecomment-1',
      author: 'github-actions[bot]',
      time: '2023-05-08T11:26:00Z',
      tie: 'exact',
      source: 'pr-comment',
    } as const;
    const rows = [row(SQUASH, [RUN], squash, run), row(RUN, [BASE], run, base)];
    expect(rows[1]!.unreproduced.map((u) => [u.key, u.value, u.locked])).toEqual([['train.img_size', 384, 256]]);
    const ci: CiStatus = { state: 'succeeded', checks: [{ name: 'runner-job', state: 'succeeded', url: 'https://github.com/o/r/runs/1' }], partial: false };
    const out = await addCiAndResults(
      { client: noClient, cache },
      {
        repo,
        list: { ref: 'main-15dd333' },
        shas: [SQUASH, RUN],
        rows,
        projects: new Map([
          [SQUASH, squash],
          [RUN, run],
          [BASE, base],
        ]),
        live: {
          live: new Map([
            live(SQUASH, 'CML PR for 5f02cf9a [skip ci] (#120)'),
            live(RUN, 'Update params.yaml:train.img_size', { ci, reports: { report, others: [] } }),
          ]),
          fallbackRequests: 0,
        },
      },
    );
    const [squashRow, runRow] = out.rows;
    expect(out.requests).toEqual({ live: 0, fallback: 0, trees: 0 });
    expect(runRow!.resultsFrom).toEqual({ sha: SQUASH, url: `https://github.com/${repo.owner}/${repo.name}/commit/${SQUASH}`, viaCmlPr: true });
    expect(runRow!.folded).toEqual([SQUASH]);
    expect(squashRow!.foldedInto).toBe(RUN);
    expect(runRow!.metrics).toEqual(squash.metrics);
    // Compared with the run's parent (whose metrics are the run's own: a params-only commit).
    expect(runRow!.metricChanges).toEqual(diffMetrics(base.metrics, squash.metrics));
    expect(runRow!.metricChanges.length).toBeGreaterThan(0);
    expect(runRow!.unreproduced).toEqual([]);
    expect(runRow!.paramChanges).toEqual(rows[1]!.paramChanges);
    expect(runRow!.ci).toEqual(ci);
    expect(runRow!.report).toEqual(report);
    expect(runRow!.otherReports).toEqual([]);
    expect(squashRow!.ci).toEqual(none);
    expect(squashRow!.report).toBeUndefined();
  });
});
