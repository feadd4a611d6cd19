import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { startFakeGitHub, type FakeGitHub } from '../app';
import { manualClock, type ManualClock } from '../clock';
import { SAMPLE_DIR } from '../worlds/demo-source';
import { gql } from '../graphql/client';
import { withContract, type ContractLog } from '../openapi/checked';
import { createRestApi } from '../rest/index';
import { Store } from '../store';
import { git } from '../git/git-cli';
import type { CiOptions } from './runner';
import { evaluateStage, trainStage } from './sample-stages';

/*
 * The CI end to end: commits made over GraphQL as the extension makes them, the runs watched over
 * REST (checked against GitHub's OpenAPI description) and GraphQL (GitHub's schema), the results
 * checked with plain git. Expected metrics come from fitting the model directly on the data.
 */

const OWNER = 'commit-lab';
const NAME = 'iris-lab';
const T0 = Date.parse('2026-09-10T12:00:00Z');
const IRIS = await readFile(new URL('./iris.csv', import.meta.url));
const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');
const WATERMARK = /!\[\]\(https:\/\/cml\.dev\/watermark\.png#([0-9a-f]{40}) "CML watermark[^"]*"\)/;

let fake: FakeGitHub | undefined;
let contract: ContractLog;

afterEach(async () => {
  vi.restoreAllMocks();
  await fake?.close();
  fake = undefined;
});

async function start(ci: CiOptions, clock?: ManualClock): Promise<FakeGitHub> {
  const store = new Store('dana-ml');
  const checked = withContract(createRestApi({ store }));
  contract = checked.log;
  fake = await startFakeGitHub({ store, clock, ci, handlers: [checked.handler], seeds: [{ owner: OWNER, name: NAME, folder: SAMPLE_DIR }] });
  return fake;
}

const gitDir = (f: FakeGitHub) => join(f.root, OWNER, `${NAME}.git`);
const tip = (f: FakeGitHub, branch: string) => git(gitDir(f), 'rev-parse', `refs/heads/${branch}`).trim();

async function rest<T>(f: FakeGitHub, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${f.url}/api/v3/repos/${OWNER}/${NAME}${path}`, {
    ...init,
    headers: { authorization: 'token t', 'content-type': 'application/json', ...init.headers },
  });
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** A Studio-style params commit (`Update params.yaml:…`) through createCommitOnBranch. */
async function commitParams(f: FakeGitHub, branch: string, params: { seed: number; n_est: number; max_depth: number }): Promise<string> {
  const yaml = `train:\n  seed: ${params.seed}\n  n_est: ${params.n_est}\n  max_depth: ${params.max_depth}\n`;
  const answer = await gql<{ createCommitOnBranch: { commit: { oid: string } } }>(
    f.url,
    'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
    {
      input: {
        branch: { repositoryNameWithOwner: `${OWNER}/${NAME}`, branchName: branch },
        expectedHeadOid: tip(f, branch),
        message: { headline: 'Update params.yaml:train.n_est, params.yaml:train.max_depth' },
        fileChanges: { additions: [{ path: 'params.yaml', contents: Buffer.from(yaml).toString('base64') }] },
      },
    },
  );
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.createCommitOnBranch.commit.oid;
}

interface Runs {
  total_count: number;
  workflow_runs: { id: number; name: string; path: string; event: string; status: string; conclusion: string | null; head_sha: string; head_branch: string }[];
}
interface Checks {
  total_count: number;
  check_runs: { id: number; name: string; status: string; conclusion: string | null; details_url: string; check_suite: { id: number } }[];
}
interface Rollup {
  repository: {
    object: {
      statusCheckRollup: {
        state: string;
        contexts: {
          nodes: {
            __typename: string;
            name: string;
            status: string;
            conclusion: string | null;
            checkSuite: { workflowRun: { databaseId: number; event: string } | null };
          }[];
        };
      } | null;
    };
  };
}

async function rollup(f: FakeGitHub, oid: string) {
  const answer = await gql<Rollup>(
    f.url,
    `query($oid: GitObjectID!) { repository(owner: "${OWNER}", name: "${NAME}") { object(oid: $oid) { ... on Commit {
      statusCheckRollup { state contexts(first: 10) { nodes { __typename ... on CheckRun { name status conclusion checkSuite { workflowRun { databaseId event } } } } } } } } } }`,
    { oid },
  );
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.repository.object.statusCheckRollup;
}

function expectedMetrics(params: Record<string, number>) {
  return evaluateStage(trainStage(IRIS, params), IRIS);
}

describe('the fake CI (GitHub Actions running DVC and CML)', () => {
  it('runs a pushed params change through queued, in_progress and completed, and lands the results by cml pr', async () => {
    const clock = manualClock(T0);
    const f = await start({ timing: { queuedMs: 2_000, runMs: 30_000 } }, clock);
    const before = tip(f, 'main');
    const params = { seed: 42, n_est: 4, max_depth: 2 };
    const sha = await commitParams(f, 'main', params);
    await f.ci!.settled();

    // Queued: one workflow run and its job's check run, nothing else on the commit.
    let runs = await rest<Runs>(f, `/actions/runs?head_sha=${sha}`);
    expect(runs.workflow_runs).toMatchObject([
      { name: 'Commit Lab', path: '.github/workflows/commit-lab.yml', event: 'push', status: 'queued', conclusion: null, head_branch: 'main' },
    ]);
    const runId = runs.workflow_runs[0]!.id;
    let checks = await rest<Checks>(f, `/commits/${sha}/check-runs`);
    expect(checks.check_runs).toMatchObject([{ name: 'train', status: 'queued', conclusion: null, check_suite: { id: runId } }]);
    expect(checks.check_runs[0]!.details_url).toMatch(new RegExp(`/${OWNER}/${NAME}/actions/runs/${runId}/job/${checks.check_runs[0]!.id}$`));
    expect((await rollup(f, sha))!).toMatchObject({
      state: 'PENDING',
      contexts: { nodes: [{ __typename: 'CheckRun', name: 'train', status: 'QUEUED', conclusion: null }] },
    });
    // Actions reports through check runs only: the commit has no statuses, so the combined status is pending and empty.
    expect(await rest<{ state: string; total_count: number }>(f, `/commits/${sha}/status`)).toMatchObject({ state: 'pending', total_count: 0 });

    clock.advance(2_000);
    await f.ci!.settled();
    runs = await rest<Runs>(f, `/actions/runs?head_sha=${sha}`);
    expect(runs.workflow_runs[0]).toMatchObject({ status: 'in_progress', conclusion: null });
    expect((await rest<Checks>(f, `/commits/${sha}/check-runs`)).check_runs[0]).toMatchObject({ status: 'in_progress', conclusion: null });
    expect(tip(f, 'main')).toBe(sha);

    clock.advance(29_999);
    await f.ci!.settled();
    expect((await rest<Runs>(f, `/actions/runs?head_sha=${sha}`)).workflow_runs[0]!.status).toBe('in_progress');
    clock.advance(1);
    await f.ci!.settled();
    runs = await rest<Runs>(f, `/actions/runs?head_sha=${sha}`);
    expect(runs.workflow_runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    checks = await rest<Checks>(f, `/commits/${sha}/check-runs`);
    expect(checks.check_runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect((await rollup(f, sha))!).toMatchObject({
      state: 'SUCCESS',
      contexts: { nodes: [{ name: 'train', status: 'COMPLETED', conclusion: 'SUCCESS', checkSuite: { workflowRun: { databaseId: runId, event: 'push' } } }] },
    });
    expect(f.ci!.runs[0]!.phases).toEqual([
      { status: 'queued', at: T0 },
      { status: 'in_progress', at: T0 + 2_000 },
      { status: 'completed', at: T0 + 32_000 },
    ]);

    // cml pr: the results branch with CML's commit on the pushed sha, its PR, squash-merged into main.
    const sha8 = sha.slice(0, 8);
    const dir = gitDir(f);
    const results = tip(f, `main-cml-pr-${sha8}`);
    expect(git(dir, 'log', '-1', '--format=%P%n%an <%ae>%n%B', results).trim()).toBe(`${sha}\nOlivaw[bot] <olivaw@iterative.ai>\nCML PR for ${sha8} [skip ci]`);
    const merged = tip(f, 'main');
    expect(git(dir, 'log', '-1', '--format=%P%n%s%n%cn', merged).trim().split('\n')).toEqual([sha, `CML PR for ${sha8} [skip ci] (#1)`, 'GitHub']);
    expect(git(dir, 'rev-parse', `${merged}^{tree}`)).toBe(git(dir, 'rev-parse', `${results}^{tree}`));
    expect(git(dir, 'diff', '--name-only', sha, merged).trim().split('\n')).toEqual(['dvc.lock', 'metrics.json']);
    expect(git(dir, 'rev-list', `${before}..${merged}`).trim().split('\n')).toEqual([merged, sha]);
    const pulls = await rest<
      { number: number; title: string; state: string; merged_at: string | null; head: { ref: string }; base: { ref: string }; user: { login: string } }[]
    >(f, '/pulls?state=all');
    expect(pulls).toMatchObject([
      {
        number: 1,
        title: `CML PR for main ${sha8}`,
        state: 'closed',
        head: { ref: `main-cml-pr-${sha8}` },
        base: { ref: 'main' },
        user: { login: 'github-actions[bot]' },
      },
    ]);
    expect(pulls[0]!.merged_at).not.toBeNull();

    // The results are the model's: metrics.json as evaluate.py writes it, dvc.lock hashing what was run.
    const expected = expectedMetrics(params);
    const metricsJson = git(dir, 'show', `${merged}:metrics.json`);
    expect(metricsJson).toBe(Buffer.from(expected.file).toString());
    expect(JSON.parse(metricsJson)).toEqual(expected.metrics);
    expect(JSON.parse(metricsJson)).not.toEqual(JSON.parse(git(dir, 'show', `${before}:metrics.json`)));
    const lock = parse(git(dir, 'show', `${merged}:dvc.lock`)) as {
      stages: Record<string, { params?: unknown; deps: { path: string; md5: string }[]; outs: { path: string; md5: string; size: number }[] }>;
    };
    expect(lock.stages.train!.params).toEqual({ 'params.yaml': { 'train.max_depth': 2, 'train.n_est': 4, 'train.seed': 42 } });
    expect(lock.stages.train!.deps.find((d) => d.path === 'data/iris.csv')!.md5).toBe(md5(IRIS));
    expect(lock.stages.evaluate!.outs).toEqual([{ path: 'metrics.json', hash: 'md5', md5: md5(metricsJson), size: Buffer.byteLength(metricsJson) }]);
    expect(lock.stages.evaluate!.deps.find((d) => d.path === 'model.pkl')!.md5).toBe(lock.stages.train!.outs[0]!.md5);

    // The report: no open PR holds the commit, so CML comments on the commit, watermarked with its sha.
    const comments = await rest<{ body: string; user: { login: string } }[]>(f, `/commits/${sha}/comments`);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe('github-actions[bot]');
    expect(WATERMARK.exec(comments[0]!.body)?.[1]).toBe(sha);
    expect(comments[0]!.body).toContain(`| metrics.json | accuracy | 0.9778 | ${expected.metrics.accuracy} |`);
    expect(comments[0]!.body).toContain('| params.yaml | train.n_est | 200 | 4 |');

    // CI's own pushes ([skip ci], GITHUB_TOKEN) start nothing; and everything REST answered matched GitHub's description.
    expect((await rest<Runs>(f, '/actions/runs')).total_count).toBe(1);
    expect(contract.violations).toEqual([]);
  });

  it('fails the check run on params the training refuses: no metrics, no results, no report', async () => {
    const f = await start({});
    const sha = await commitParams(f, 'main', { seed: 42, n_est: 0, max_depth: 3 });
    await f.ci!.settled();
    const runs = await rest<Runs>(f, `/actions/runs?head_sha=${sha}`);
    expect(runs.workflow_runs).toMatchObject([{ status: 'completed', conclusion: 'failure' }]);
    expect((await rest<Checks>(f, `/commits/${sha}/check-runs`)).check_runs).toMatchObject([{ name: 'train', status: 'completed', conclusion: 'failure' }]);
    expect((await rollup(f, sha))!.state).toBe('FAILURE');
    expect(f.ci!.runs[0]!.error).toMatch(/'n_estimators' parameter of RandomForestClassifier must be an int in the range \[1, inf\). Got 0 instead/);
    expect(tip(f, 'main')).toBe(sha);
    expect(git(gitDir(f), 'for-each-ref', '--format=%(refname)', 'refs/heads/').trim()).toBe('refs/heads/main');
    expect(await rest<unknown[]>(f, `/commits/${sha}/comments`)).toEqual([]);
    expect(await rest<unknown[]>(f, '/pulls?state=all')).toEqual([]);
    expect(contract.violations).toEqual([]);
  });

  it('with results commits: a new branch, its pull request and a params change get a run each, the results commit and reports on the PR', async () => {
    const clock = manualClock(T0);
    const f = await start({ timing: { queuedMs: 1_000, runMs: 1_000 }, repositories: { 'Commit-Lab/Iris-Lab': { results: 'commit' } } }, clock);
    const base = tip(f, 'main');
    const repositoryId = (await gql<{ repository: { id: string } }>(f.url, `{ repository(owner: "${OWNER}", name: "${NAME}") { id } }`)).body.data!.repository
      .id;
    const created = await gql(f.url, 'mutation($input: CreateRefInput!) { createRef(input: $input) { ref { name } } }', {
      input: { repositoryId, name: 'refs/heads/main-exp', oid: base },
    });
    expect(created.body.errors).toBeUndefined();
    const params = { seed: 1, n_est: 1, max_depth: 1 };
    const sha = await commitParams(f, 'main-exp', params);
    await f.ci!.settled();
    const pr = await rest<{ number: number }>(f, '/pulls', { method: 'POST', body: JSON.stringify({ title: 'Try a stump', head: 'main-exp', base: 'main' }) });
    await f.ci!.settled();
    clock.advance(2_000);
    await f.ci!.settled();

    const runs = (await rest<Runs>(f, '/actions/runs')).workflow_runs.reverse();
    expect(runs.map((r) => [r.event, r.head_branch, r.head_sha, r.status, r.conclusion])).toEqual([
      ['push', 'main-exp', base, 'completed', 'success'],
      ['push', 'main-exp', sha, 'completed', 'success'],
      ['pull_request', 'main-exp', sha, 'completed', 'success'],
    ]);
    // The new branch's first push re-ran nothing (its lock is up to date): nothing pushed, no report.
    expect(f.ci!.runs[0]!.reproduction!.ran).toEqual([]);
    expect(await rest<unknown[]>(f, `/commits/${base}/comments`)).toEqual([]);

    // The push run's results commit on the branch itself, from the pushed sha.
    const results = tip(f, 'main-exp');
    expect(git(gitDir(f), 'log', '-1', '--format=%P%n%s', results).trim().split('\n')).toEqual([sha, `CML results for ${sha.slice(0, 8)} [skip ci]`]);
    expect(git(gitDir(f), 'show', `${results}:metrics.json`)).toBe(Buffer.from(expectedMetrics(params).file).toString());
    // Both reports went to the PR (the pull_request event's, and the push's through commits/{sha}/pulls), each marked with the sha.
    const comments = await rest<{ body: string }[]>(f, `/issues/${pr.number}/comments`);
    expect(comments.map((c) => WATERMARK.exec(c.body)?.[1])).toEqual([sha, sha]);
    expect(await rest<unknown[]>(f, `/commits/${sha}/comments`)).toEqual([]);
    const checks = await rest<Checks>(f, `/commits/${sha}/check-runs?filter=all`);
    expect(checks.check_runs.map((c) => [c.name, c.conclusion])).toEqual([
      ['train', 'success'],
      ['train', 'success'],
    ]);
    expect(contract.violations).toEqual([]);
  });

  it('starts runs for pushes by REST ref updates, and none for [skip ci] heads, tags, deletions or trees without the workflow', async () => {
    const f = await start({});
    const repo = f.store.repository(OWNER, NAME)!;
    const head = tip(f, 'main');
    const bot = { name: 'Lee Chen', email: 'lee@example.com' };
    const commit = (message: string, changes: { additions: { path: string; contents: Uint8Array }[]; deletions: string[] }, parent = head) =>
      repo.git.commitChanges({ parent, changes, message, author: bot, committer: bot });
    const params = { path: 'params.yaml', contents: Buffer.from('train:\n  seed: 5\n  n_est: 2\n  max_depth: 2\n') };
    const patch = (ref: string, sha: string) => rest(f, `/git/refs/${ref}`, { method: 'PATCH', body: JSON.stringify({ sha }) });
    const post = (ref: string, sha: string) => rest(f, '/git/refs', { method: 'POST', body: JSON.stringify({ ref, sha }) });

    const skipped = await commit('Tune by hand [skip ci]', { additions: [params], deletions: [] });
    await post('refs/heads/skipped', head);
    await patch('heads/skipped', skipped);
    const noWorkflow = await commit('Drop CI', { additions: [params], deletions: ['.github/workflows/commit-lab.yml'] });
    await post('refs/heads/no-ci', noWorkflow);
    await post('refs/tags/v1', head);
    await f.ci!.settled();
    // Only the creation of `skipped` at an already reproduced commit ran (and changed nothing).
    expect(f.ci!.runs.map((r) => [r.branch, r.sha, r.reproduction?.ran])).toEqual([['skipped', head, []]]);
    // Seeding starts nothing; `ci.push` plays a push of a branch as it stands.
    expect((await f.ci!.push(repo, 'main'))!.workflowRun).toMatchObject({ headSha: head, headBranch: 'main', status: 'completed', conclusion: 'success' });
    f.ci!.runs.pop();

    f.ci!.options.results = 'commit';
    const pushed = await commit(
      'Update params.yaml:train.n_est',
      { additions: [{ ...params, contents: Buffer.from('train:\n  seed: 5\n  n_est: 3\n  max_depth: 2\n') }], deletions: [] },
      skipped,
    );
    await patch('heads/skipped', pushed);
    await f.ci!.settled();
    expect(f.ci!.runs.map((r) => r.sha)).toEqual([head, pushed]);
    expect(f.ci!.runs[1]!.workflowRun).toMatchObject({ status: 'completed', conclusion: 'success', headBranch: 'skipped' });
    expect(git(gitDir(f), 'log', '-1', '--format=%s', 'skipped').trim()).toBe(`CML results for ${pushed.slice(0, 8)} [skip ci]`);
    expect(git(gitDir(f), 'show', `skipped:metrics.json`)).toBe(Buffer.from(expectedMetrics({ seed: 5, n_est: 3, max_depth: 2 }).file).toString());
    expect(contract.violations).toEqual([]);
  });

  it('on the system clock, a phase timer that fires before the clock reaches the phase looks again: the run still goes queued → in_progress → completed', async () => {
    // Node runs timers on the event loop's cached time, which lags Date.now() after a long
    // synchronous stretch: a timer can fire a few ms before the clock says the phase is due.
    const f = await start({ timing: { queuedMs: 50, runMs: 50 } });
    await commitParams(f, 'main', { seed: 42, n_est: 4, max_depth: 2 });
    await f.ci!.settled();
    expect(f.ci!.runs.map((r) => r.workflowRun.status)).toEqual(['queued']);
    const now = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => now() - 30);
    await expect.poll(() => f.ci!.runs[0]!.workflowRun.status, { timeout: 80_000 }).toBe('completed');
    expect(f.ci!.runs[0]!.phases.map((p) => p.status)).toEqual(['queued', 'in_progress', 'completed']);
    expect(f.ci!.runs[0]!.workflowRun.conclusion).toBe('success');
  }, 90_000);

  it('merges the results over a push made while the job ran (cml pr), and fails a results commit that would overwrite it', async () => {
    for (const results of ['pr', 'commit'] as const) {
      const clock = manualClock(T0);
      const f = await start({ timing: { queuedMs: 0, runMs: 10_000 }, results }, clock);
      const sha = await commitParams(f, 'main', { seed: 42, n_est: 3, max_depth: 2 });
      await f.ci!.settled();
      // A teammate pushes a README edit while the job trains.
      const readme = await gql<{ createCommitOnBranch: { commit: { oid: string } } }>(
        f.url,
        'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
        {
          input: {
            branch: { repositoryNameWithOwner: `${OWNER}/${NAME}`, branchName: 'main' },
            expectedHeadOid: sha,
            message: { headline: 'Tidy the README [skip ci]' },
            fileChanges: { additions: [{ path: 'README.md', contents: Buffer.from('# iris-lab\n').toString('base64') }] },
          },
        },
      );
      const edit = readme.body.data!.createCommitOnBranch.commit.oid;
      clock.advance(10_000);
      await f.ci!.settled();
      const run = f.ci!.runs[0]!;
      const dir = gitDir(f);
      if (results === 'pr') {
        expect(run.workflowRun.conclusion).toBe('success');
        const merged = tip(f, 'main');
        expect(git(dir, 'log', '-1', '--format=%P', merged).trim()).toBe(edit);
        expect(git(dir, 'show', `${merged}:README.md`)).toBe('# iris-lab\n');
        expect(git(dir, 'diff', '--name-only', edit, merged).trim().split('\n')).toEqual(['dvc.lock', 'metrics.json']);
      } else {
        expect(run.workflowRun.conclusion).toBe('failure');
        expect(run.error).toMatch(/\[rejected\]/);
        expect(tip(f, 'main')).toBe(edit);
        expect(await rest<unknown[]>(f, `/commits/${sha}/comments`)).toEqual([]);
      }
      await f.close();
      fake = undefined;
    }
  });
});
