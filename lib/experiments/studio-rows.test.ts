import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { EXAMPLE_GET_STARTED_EXPERIMENTS } from '../../tests/fake-github/seed/fixtures';
import { addStudioTokens, seedStudioRuns, STUDIO_TOKENS, type StudioRuns } from '../../tests/fake-github/seed/studio-runs';
import { idbCache } from '../cache';
import { createGitHubClient } from '../github/client';
import { enterpriseHost } from '../github/host';
import { experimentsContext, rowsFor, type ExperimentsContext } from './rows';
import type { ExperimentRow, RowsRequest } from './types';

// Rows of Studio-style pages (tests/fake-github/seed/studio-runs.ts, real git from the
// example-get-started-experiments fixtures) with CI, CML reports and results from other commits,
// and the requests they cost, read from the fake's log.

let fake: FakeGitHub;
let w: StudioRuns;
const repo = { owner: 'iterative', name: 'example-get-started-experiments' };
const mark = (sha: string) => `\n\n![](https://cml.dev/watermark.png#${sha} "CML watermark")`;
// What CI's results hold, read from the fixture files themselves (the squash's metrics).
const squashMetrics = JSON.parse(
  readFileSync(join(EXAMPLE_GET_STARTED_EXPERIMENTS, 'studio-run-after-cml-pr-bce16d4/results/evaluate/metrics.json'), 'utf8'),
) as Record<string, number>;
const studioMetrics = JSON.parse(readFileSync(join(EXAMPLE_GET_STARTED_EXPERIMENTS, 'studio-commit-5f02cf9/results/evaluate/metrics.json'), 'utf8')) as Record<
  string,
  number
>;

beforeAll(async () => {
  fake = await startFakeGitHub();
  w = await seedStudioRuns(fake.store, fake.root);
  addStudioTokens(fake.store);
  const r = w.repository;
  // CI ran for the Studio commit (the runner job), then CML reported on the Studio PR.
  fake.store.addCheckRun(r, { headSha: w.studio, name: 'deploy-runner', conclusion: 'SUCCESS' });
  fake.store.addCheckRun(r, { headSha: w.studio, name: 'runner-job', conclusion: 'SUCCESS' });
  fake.store.addPullRequestComment(w.studioPr, {
    body: `# Training${mark(w.studio)}`,
    author: 'github-actions[bot]',
    createdAt: '2023-05-08T11:20:00Z',
    updatedAt: '2023-05-08T11:20:00Z',
  });
  fake.store.addPullRequestComment(w.studioPr, {
    body: `# Evaluation${mark(w.studio)}`,
    author: 'github-actions[bot]',
    createdAt: '2023-05-08T11:26:00Z',
    updatedAt: '2023-05-08T11:26:00Z',
  });
  fake.store.addStatus(r, { sha: w.input, context: 'ci/train', state: 'SUCCESS' });
  fake.store.addCommitComment(r, { commitOid: w.results, body: `Results${mark(w.input)}`, createdAt: '2023-05-08T11:45:00Z' });
});
afterAll(async () => {
  await fake?.close();
});

let caches = 0;
function context(token: string = STUDIO_TOKENS.classic): ExperimentsContext {
  const client = createGitHubClient({ host: enterpriseHost(fake.url), token, sleep: async () => {} });
  return experimentsContext(client, idbCache({ name: `studio-${caches++}` }));
}

async function view(
  ctx: ExperimentsContext,
  request: RowsRequest,
): Promise<{ rows: Map<string, ExperimentRow>; requests: { method: string; path: string }[] }> {
  fake.server.log.length = 0;
  const result = await rowsFor(ctx, request);
  if (!result.dvc) throw new Error('no DVC');
  return {
    rows: new Map(result.rows.map((r) => [r.sha, r])),
    requests: fake.server.log.filter((e) => e.site === 'api').map((e) => ({ method: e.method, path: e.path })),
  };
}

const evaluateMetric = (row: ExperimentRow, key: string) => row.metrics.find((m) => m.file === 'results/evaluate/metrics.json' && m.key === key)?.value;

describe('a Studio run answered by `cml pr` (squash-merged)', () => {
  it('the params commit carries the CML PR’s metrics and the report; the squash is folded into it', async () => {
    const ctx = context();
    const request: RowsRequest = { repo, list: { ref: w.studioBranch }, shas: [w.squash, w.studio, w.base] };
    const { rows, requests } = await view(ctx, request);
    const studio = rows.get(w.studio)!;
    const squash = rows.get(w.squash)!;
    const key = Object.keys(squashMetrics)[0]!;
    expect(squashMetrics[key]).not.toBe(studioMetrics[key]);
    expect(evaluateMetric(studio, key)).toBe(squashMetrics[key]);
    expect(studio.metricChanges).toContainEqual(
      expect.objectContaining({ file: 'results/evaluate/metrics.json', key, old: studioMetrics[key], new: squashMetrics[key] }),
    );
    // The lock CI reproduced records img_size 384: nothing is left unreproduced.
    expect(studio.unreproduced).toEqual([]);
    expect(studio.resultsFrom).toEqual({ sha: w.squash, url: `https://github.com/${repo.owner}/${repo.name}/commit/${w.squash}`, viaCmlPr: true });
    expect(studio.folded).toEqual([w.squash]);
    expect(squash.foldedInto).toBe(w.studio);
    expect(studio.report).toMatchObject({ source: 'pr-comment', tie: 'exact', time: '2023-05-08T11:26:00Z' });
    expect(studio.otherReports).toHaveLength(1);
    expect(studio.ci).toMatchObject({ state: 'succeeded', partial: false });
    expect(rows.get(w.base)!.foldedInto).toBeUndefined();
    // The params commit is never folded, and the base keeps its own row.
    expect(studio.foldedInto).toBeUndefined();
    console.info(
      `studio page, cold: ${requests.length} requests`,
      requests.map((r) => `${r.method} ${r.path.split('?')[0]}`),
    );

    const warm = await view(ctx, request);
    console.info(`studio page, warm: ${warm.requests.length} requests`);
    expect(warm.requests).toHaveLength(1);
    expect(warm.rows.get(w.studio)).toEqual(studio);
  });

  it('a fine-grained token: the same rows, CI partial, one REST request more', async () => {
    const { rows, requests } = await view(context(STUDIO_TOKENS.fineGrained), { repo, list: { ref: w.studioBranch }, shas: [w.squash, w.studio, w.base] });
    expect(rows.get(w.studio)!.ci).toEqual({ state: 'none', checks: [], partial: true });
    expect(rows.get(w.studio)!.resultsFrom?.sha).toBe(w.squash);
    expect(requests.filter((r) => r.path.includes('/actions/runs'))).toHaveLength(1);
  });
});

describe('a [skip studio] input with a results commit and a follow-up on the same branch', () => {
  it('the input row shows the newest results; both results commits fold into it', async () => {
    const { rows } = await view(context(), { repo, list: { ref: w.skipBranch }, shas: [w.followUp, w.results, w.input, w.base] });
    const input = rows.get(w.input)!;
    expect(input.declaredInput).toBe(true);
    expect(input.folded).toEqual([w.followUp, w.results]);
    expect(rows.get(w.results)!.foldedInto).toBe(w.input);
    expect(rows.get(w.followUp)!.foldedInto).toBe(w.input);
    expect(input.resultsFrom).toMatchObject({ sha: w.followUp, viaCmlPr: false });
    expect(evaluateMetric(input, 'dice_multi')).toBe(0.9433);
    expect(input.metrics.find((m) => m.file === 'results/train/metrics.json' && m.key === 'dice_multi')?.value).toBe(0.9512);
    // The report sits on the results commit (a commit comment naming the input): the experiment's row shows it.
    expect(input.report).toMatchObject({ source: 'commit-comment' });
    expect(input.ci).toMatchObject({ state: 'succeeded' });
    expect(rows.get(w.base)!.foldedInto).toBeUndefined();
  });
});
