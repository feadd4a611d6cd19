import { execFileSync } from 'node:child_process';
import { createGitHubClient } from '../../github/client';
import { enterpriseHost } from '../../github/host';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { addStudioTokens, seedStudioRuns, STUDIO_TOKENS, type StudioRuns } from '../../../tests/fake-github/seed/studio-runs';
import { changedPathsBetween } from '../results/changed-paths';
import { followActive } from './follow';
import { fetchLive, graphqlTrees } from './live-fetch';

// Studio's flow in real git behind the fake (tests/fake-github/seed/studio-runs.ts), with the
// GitHub-side data added here the way CI and CML would have.

let fake: FakeGitHub;
let w: StudioRuns;
const repo = { owner: 'iterative', name: 'example-get-started-experiments' };
const client = (token: string = STUDIO_TOKENS.classic) => createGitHubClient({ host: enterpriseHost(fake.url), token, sleep: async () => {} });
const apiLog = () => fake.server.log.filter((r) => r.site === 'api');
const mark = (fragment: string, label = '') => `\n\n![](https://cml.dev/watermark.png${fragment} "CML watermark${label}")`;

beforeAll(async () => {
  fake = await startFakeGitHub();
  w = await seedStudioRuns(fake.store, fake.root);
  addStudioTokens(fake.store);
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  fake.server.log.length = 0;
});

describe('CML reports on the Studio run, from the fake', () => {
  it('PR comments tied by full and short #<sha>, a CML check run, newest wins', async () => {
    const r = w.repository;
    const pr = w.studioPr;
    fake.store.addPullRequestComment(pr, {
      body: `# Training${mark(`#${w.studio}`)}`,
      author: 'github-actions[bot]',
      createdAt: '2023-05-08T11:20:00Z',
      updatedAt: '2023-05-08T11:20:00Z',
    });
    const evaluate = fake.store.addPullRequestComment(pr, {
      body: `# Evaluation${mark(`#${w.studio.slice(0, 8)}`, ' evaluate')}`,
      author: 'github-actions[bot]',
      createdAt: '2023-05-08T11:25:00Z',
      updatedAt: '2023-05-08T11:25:00Z',
    });
    fake.store.addPullRequestComment(pr, { body: 'Nice, merging.', createdAt: '2023-05-08T11:30:00Z', updatedAt: '2023-05-08T11:30:00Z' });
    fake.store.addCheckRun(r, {
      headSha: w.studio,
      name: 'CML Report',
      output: { title: 'CML Report', summary: '# Training\n| metric | value |', text: null },
      startedAt: '2023-05-08T11:21:00Z',
      completedAt: '2023-05-08T11:21:00Z',
    });

    const { live } = await fetchLive(client(), repo, { ref: w.studioBranch }, [w.squash, w.studio]);
    const reports = live.get(w.studio)!.reports!;
    expect(reports.report).toEqual({
      url: `https://github.com/${repo.owner}/${repo.name}/pull/${pr.number}#issuecomment-${evaluate.databaseId}`,
      author: 'github-actions[bot]',
      time: '2023-05-08T11:25:00Z',
      tie: 'exact',
      source: 'pr-comment',
    });
    expect(reports.others.map((o) => [o.source, o.time])).toEqual([
      ['check-run', '2023-05-08T11:21:00Z'],
      ['pr-comment', '2023-05-08T11:20:00Z'],
    ]);
    expect(live.get(w.squash)!.reports).toBeUndefined();
    expect(apiLog().map((e) => e.operation ?? e.path)).toEqual(['Live']);
  });

  it('a commit comment (old CML), the old <sha7> first line, and an approximate PR comment', async () => {
    const r = w.repository;
    fake.store.addCommitComment(r, {
      commitOid: w.input,
      body: `Report\n\n![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)`,
      author: 'github-actions[bot]',
      createdAt: '2023-05-08T11:45:00Z',
    });
    const skipPr = fake.store.addPullRequest(r, {
      title: 'Try 512',
      headRefName: w.skipBranch,
      baseRefName: 'main',
      headRefOid: w.followUp,
      createdAt: '2023-05-08T11:31:00Z',
    });
    const old = fake.store.addPullRequestComment(skipPr, {
      body: `${w.results.slice(0, 7)}\n\nResults\n\n![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)`,
      createdAt: '2023-05-08T11:55:00Z',
    });
    const approx = fake.store.addPullRequestComment(skipPr, { body: `Evaluation${mark('', ' {workflow}')}`, createdAt: '2023-05-08T11:52:00Z' });
    // A comment quoting a report is no report.
    fake.store.addPullRequestComment(skipPr, { body: `> Evaluation${mark('').replace(/\n/g, '\n> ')}\n\nsee above`, createdAt: '2023-05-08T11:58:00Z' });

    const { live } = await fetchLive(client(), repo, { ref: w.skipBranch }, [w.followUp, w.results, w.input]);
    expect(live.get(w.input)!.reports?.report).toMatchObject({
      source: 'commit-comment',
      tie: 'exact',
      url: expect.stringContaining(`/commit/${w.input}#commitcomment-`),
    });
    expect(live.get(w.results)!.reports?.report).toMatchObject({
      source: 'pr-comment',
      tie: 'exact',
      url: expect.stringContaining(`#issuecomment-${old.databaseId}`),
    });
    // Committed at 11:50, before the comment at 11:52: the newest PR commit older than it.
    expect(live.get(w.followUp)!.reports?.report).toMatchObject({
      source: 'pr-comment',
      tie: 'approximate',
      url: expect.stringContaining(`#issuecomment-${approx.databaseId}`),
    });
    expect(live.get(w.followUp)!.reports?.others).toEqual([]);
  });
});

describe('CI status from the fake', () => {
  it('check runs and commit statuses in every state (classic token: one GraphQL request)', async () => {
    const r = w.repository;
    const cases = [
      { sha: w.base, add: () => fake.store.addCheckRun(r, { headSha: w.base, name: 'train', status: 'QUEUED' }), state: 'queued' },
      { sha: w.studio, add: () => fake.store.addCheckRun(r, { headSha: w.studio, name: 'train', status: 'IN_PROGRESS' }), state: 'running' },
      { sha: w.input, add: () => fake.store.addCheckRun(r, { headSha: w.input, name: 'train', conclusion: 'SUCCESS' }), state: 'succeeded' },
      { sha: w.results, add: () => fake.store.addCheckRun(r, { headSha: w.results, name: 'train', conclusion: 'FAILURE' }), state: 'failed' },
      { sha: w.followUp, add: () => fake.store.addCheckRun(r, { headSha: w.followUp, name: 'train', conclusion: 'CANCELLED' }), state: 'cancelled' },
      {
        sha: w.cmlCommit,
        add: () => fake.store.addStatus(r, { sha: w.cmlCommit, context: 'ci/jenkins', state: 'PENDING', targetUrl: 'https://ci.example/1' }),
        state: 'running',
      },
    ];
    for (const c of cases) c.add();
    const { live, fallbackRequests } = await fetchLive(client(), repo, { ref: 'main' }, cases.map((c) => c.sha).concat(w.squash));
    expect(cases.map((c) => [c.state, live.get(c.sha)!.ci.state])).toEqual(cases.map((c) => [c.state, c.state]));
    expect(live.get(w.squash)!.ci).toEqual({ state: 'none', checks: [], partial: false });
    expect(live.get(w.studio)!.ci.checks).toEqual(expect.arrayContaining([{ name: 'train', state: 'running', url: expect.stringMatching(/\/runs\/\d+$/) }]));
    expect(live.get(w.cmlCommit)!.ci.checks).toEqual([{ name: 'ci/jenkins', state: 'running', url: 'https://ci.example/1' }]);
    expect(fallbackRequests).toBe(0);
    expect(apiLog()).toHaveLength(1);
  });

  it('a fine-grained token: the rollup is forbidden, workflow runs (one REST request) and statuses answer, marked partial', async () => {
    const r = w.repository;
    const sha = w.studio;
    const run = fake.store.addWorkflowRun(r, {
      headSha: sha,
      name: 'Run Studio experiment',
      headBranch: w.studioBranch,
      status: 'completed',
      conclusion: 'success',
    });
    fake.store.addStatus(r, { sha, context: 'deploy/runner', state: 'SUCCESS', targetUrl: 'https://ci.example/runner' });
    const { live, fallbackRequests } = await fetchLive(client(STUDIO_TOKENS.fineGrained), repo, { ref: w.studioBranch }, [w.squash, sha]);
    expect(live.get(sha)!.ci).toEqual({
      state: 'succeeded',
      checks: [
        { name: 'Run Studio experiment', state: 'succeeded', url: `https://github.com/${repo.owner}/${repo.name}/actions/runs/${run.databaseId}` },
        { name: 'deploy/runner', state: 'succeeded', url: 'https://ci.example/runner' },
      ],
      partial: true,
    });
    expect(live.get(w.squash)!.ci).toEqual({ state: 'none', checks: [], partial: true });
    expect(fallbackRequests).toBe(1);
    expect(apiLog().map((e) => [e.method, e.path.split('?')[0]])).toEqual([
      ['POST', '/graphql'],
      ['GET', `/repos/${repo.owner}/${repo.name}/actions/runs`],
    ]);
    // The reports still came through the same answer.
    expect(live.get(sha)!.reports?.report.source).toBe('pr-comment');
  });
});

describe('followActive: a queued run completes on the fake', () => {
  it('the row turns succeeded without a reload, through the injected sleep', async () => {
    const r = w.repository;
    const sha = w.squash; // no other checks on it
    const check = fake.store.addCheckRun(r, { headSha: sha, name: 'runner-job', status: 'QUEUED' });
    const c = client();
    const first = await fetchLive(c, repo, { ref: w.cmlBranch }, [sha]);
    expect(first.live.get(sha)!.ci.checks.find((k) => k.name === 'runner-job')?.state).toBe('queued');
    const waits: number[] = [];
    const seen: string[] = [];
    const controller = new AbortController();
    await followActive(first.live, {
      refresh: async (shas) => ({ items: (await fetchLive(c, repo, { ref: w.cmlBranch }, shas)).live }),
      onUpdate: (live) => seen.push(live.get(sha)!.ci.checks.find((k) => k.name === 'runner-job')!.state),
      sleep: async (ms) => {
        waits.push(ms);
        // Time passes on the fake: the runner picks the job up, then finishes it.
        if (waits.length === 2) Object.assign(check, { status: 'IN_PROGRESS' });
        if (waits.length === 4) Object.assign(check, { status: 'COMPLETED', conclusion: 'SUCCESS', completedAt: '2023-05-08T12:00:00Z' });
      },
      now: () => 0,
      signal: controller.signal,
    });
    expect(seen).toEqual(['queued', 'running', 'running', 'succeeded']);
    // Backoff while nothing changed, back to the first wait after each change.
    expect(waits).toEqual([15_000, 30_000, 15_000, 30_000]);
    expect(apiLog().filter((e) => e.operation === 'Live')).toHaveLength(5);
  });

  it('stops when the page is left', async () => {
    const r = w.repository;
    fake.store.addCheckRun(r, { headSha: w.base, name: 'slow', status: 'IN_PROGRESS' });
    const c = client();
    const first = await fetchLive(c, repo, { ref: 'main' }, [w.base]);
    const controller = new AbortController();
    let refreshes = 0;
    await followActive(first.live, {
      refresh: async (shas) => {
        refreshes++;
        return { items: (await fetchLive(c, repo, { ref: 'main' }, shas)).live };
      },
      onUpdate: () => {},
      sleep: async () => {
        if (refreshes === 2) controller.abort();
      },
      now: () => 0,
      signal: controller.signal,
    });
    expect(refreshes).toBe(2);
  });
});

describe('changedPathsBetween: tree reads over GraphQL against git diff-tree', () => {
  it('every results commit, in one request for all of them', async () => {
    const gitDir = w.repository.git.gitDir;
    const rev = (expr: string) => execFileSync('git', ['--git-dir', gitDir, 'rev-parse', expr], { encoding: 'utf8' }).trim();
    const oracle = (sha: string) =>
      execFileSync('git', ['--git-dir', gitDir, 'diff-tree', '-r', '--name-only', '--no-commit-id', `${sha}^`, sha], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .sort();
    const commits = [w.squash, w.results, w.followUp, w.studio];
    // Root trees named as GitHub's expressions do (`<commit>:`), and one by its oid.
    const pairs = new Map(commits.map((sha) => [sha, { before: `${rev(`${sha}^`)}:`, after: sha === w.studio ? rev(`${sha}^{tree}`) : `${sha}:` }]));
    const found = await changedPathsBetween(pairs, graphqlTrees(client(), repo));
    for (const sha of commits) expect([sha, found.get(sha)?.sort()]).toEqual([sha, oracle(sha)]);
    expect(found.get(w.squash)).toContain('results/evaluate/plots/images/REGION_1-24_1136_2160_0_1024.png');
    expect(apiLog()).toHaveLength(1);
  });
});
