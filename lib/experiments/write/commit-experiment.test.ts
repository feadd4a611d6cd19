import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { manualClock } from '../../../tests/fake-github/clock';
import { writeExampleGetStarted } from '../../../tests/fake-github/seed/example-get-started';
import { git } from '../../../tests/fake-github/git/git-cli';
import { readProject, type ReadFile } from '../../dvc';
import { createGitHubClient } from '../../github/client';
import { enterpriseHost } from '../../github/host';
import { fetchWithTimeout } from '../../github/write/timeout-fetch';
import { commitExperiment, type CommitExperimentRequest } from './commit-experiment';
import type { CommitProgress } from './commit-result';
import { planExperiment, type ParamEditRequest, type ProjectAtCommit } from './plan';
import { expectOnly, repoState } from './testing/repo-witness';
import { memoryLedger } from './run-ledger';
import { GITHUB_FILE_LIMIT } from './git-file-size';
import { stagedFiles } from './staged-files';
import { studioBranchName } from './studio-message';

// The real example-get-started history (fixtures) in a real bare repository behind the fake
// GitHub; every outcome is checked with plain git (repo-witness) and the fake's pull requests.

const REPO = { owner: 'acme', name: 'egs' };
// Who pushes meanwhile in the tests of an old commit's base.
const MONA = { name: 'Mona', email: 'mona@example.com' };
let seed: string;
let fake: FakeGitHub;
let gitDir: string;
const ledger = memoryLedger();

beforeAll(async () => {
  seed = await mkdtemp(join(tmpdir(), 'commit-experiment-'));
  await writeExampleGetStarted(seed);
});
afterAll(() => rm(seed, { recursive: true, force: true }));
beforeEach(async () => {
  // A still clock, so the times a rate limit names are exact; GitHub's retry-after of 2 minutes.
  fake = await startFakeGitHub({ seeds: [{ ...REPO, folder: seed }], clock: manualClock(Date.UTC(2026, 11, 7, 7, 0)), waits: { retryAfterSeconds: 120 } });
  gitDir = fake.store.repository(REPO.owner, REPO.name)!.git.gitDir;
});
afterEach(() => fake.close());

const rev = (expression: string) => git(gitDir, 'rev-parse', expression).trim();
const pulls = () => fake.store.repository(REPO.owner, REPO.name)!.pullRequests;
const writes = () =>
  fake.server.log
    .filter((r) => (r.method === 'POST' && r.path !== '/graphql') || r.operation === 'CreateCommitOnBranch')
    .map((r) => r.operation ?? `${r.method} ${r.path}`);

function client(token = 'ghp_octocat', fetch?: typeof globalThis.fetch) {
  return createGitHubClient({ host: enterpriseHost(fake.url), token, sleep: async () => {}, now: () => fake.server.clock.now(), ...(fetch ? { fetch } : {}) });
}

/** The project at a commit, read with plain git, as the Run form would have it. */
async function projectAt(sha: string): Promise<ProjectAtCommit> {
  const paths = git(gitDir, 'ls-tree', '-r', '--name-only', sha).split('\n').filter(Boolean);
  const read: ReadFile = async (path) => (paths.includes(path) ? git(gitDir, 'show', `${sha}:${path}`) : null);
  return { project: await readProject(read, paths), read };
}

const TWO_PARAMS: ParamEditRequest[] = [
  { file: 'params.yaml', key: 'train.n_est', value: 100 },
  { file: 'params.yaml', key: 'train.min_split', value: 0.02 },
];

async function request(fromSha: string, target: CommitExperimentRequest['target'], edits = TWO_PARAMS): Promise<CommitExperimentRequest> {
  const plan = await planExperiment(await projectAt(fromSha), { paramEdits: edits });
  return {
    repo: REPO,
    baseBranch: 'main',
    fromSha,
    target,
    plan,
    message: plan.message.subject,
    description: plan.message.body,
    pageLogin: 'octocat',
    runId: randomUUID(),
  };
}

function run(req: CommitExperimentRequest, token?: string, fetch?: typeof globalThis.fetch) {
  const progress: CommitProgress[] = [];
  const result = commitExperiment(client(token, fetch), req, { ledger, onProgress: (p) => progress.push(p) });
  return { result, progress };
}

/** `git diff` between two commits as its changed lines only. */
const changedLines = (a: string, b: string) =>
  git(gitDir, 'diff', '-U0', a, b)
    .split('\n')
    .filter((l) => /^[-+](?![-+]{2} )/.test(l));

describe('commitExperiment to a new branch', () => {
  it('two params of example-get-started at an old commit: one commit of exactly those two lines on <base>-<sha7>, its pull request with the table', async () => {
    const from = rev('main~1'); // "Create evaluation stage" (baseline-0d46eb4): n_est 50, min_split 0.01
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    const req = await request(from, { newBranch: branch });
    const { result, progress } = run(req);
    const done = await result;

    expect(done).toMatchObject({ ok: true, branch, commit: { oid: rev(branch) }, pullRequest: { number: pulls()[0]!.number } });
    expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
    expect(branch).toBe(`main-${from.slice(0, 7)}`);
    expect(rev(`${branch}^`)).toBe(from);
    expect(changedLines(from, branch)).toEqual(['-  n_est: 50', '-  min_split: 0.01', '+  n_est: 100', '+  min_split: 0.02']);
    // Studio's format: subject "Update <file>:<key>, …" cut at 45 characters, the rest in the body, then our trailer.
    const message = git(gitDir, 'log', '-1', '--format=%B', branch).trimEnd();
    expect(message).toBe(`Update params.yaml:train.n_est, params.yaml:t...\n\n...rain.min_split\n\nCommit-Lab-Run: ${req.runId}`);
    expect(git(gitDir, 'log', '-1', '--format=%an|%cn <%ce>', branch).trim()).toBe('octocat|GitHub <noreply@github.com>');

    expect(pulls()).toHaveLength(1);
    expect(pulls()[0]).toMatchObject({ headRefName: branch, baseRefName: 'main', title: 'Update params.yaml:train.n_est, params.yaml:t...' });
    expect(pulls()[0]!.body).toBe(
      [
        '...rain.min_split',
        '',
        '| Changed | Before | After |',
        '| --- | --- | --- |',
        '| `params.yaml:train.n_est` | `50` | `100` |',
        '| `params.yaml:train.min_split` | `0.01` | `0.02` |',
      ].join('\n'),
    );
    expect(progress.map((p) => `${p.step}:${p.state}`)).toEqual([
      'branch:started',
      'branch:done',
      'commit:started',
      'commit:done',
      'pull-request:started',
      'pull-request:done',
    ]);
    expect(progress.find((p) => p.step === 'pull-request' && p.state === 'done')?.url).toBe(done.ok ? done.pullRequest?.url : undefined);
    expect(writes()).toEqual(['POST /repos/acme/egs/git/refs', 'CreateCommitOnBranch', 'POST /repos/acme/egs/pulls']);
  });

  it('an existing branch name is refused: nothing written', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    git(gitDir, 'update-ref', `refs/heads/${branch}`, from);
    const before = repoState(gitDir);
    const done = await run(await request(from, { newBranch: branch })).result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'branch-exists', branch }, written: {} });
    expect(done.message).toBe(
      `A branch named ${branch} exists already: choose another name (Commit Lab never writes to a branch it did not create). Nothing was written.`,
    );
    expectOnly(gitDir, before, {});
    expect(pulls()).toHaveLength(0);
  });

  it('the connection drops after createCommitOnBranch took effect: the retry finds the trailer, no second commit, and goes on to the pull request', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'drop-after' } });
    const req = await request(from, { newBranch: branch });
    const done = await run(req).result;
    expect(done).toMatchObject({ ok: true, commit: { oid: rev(branch) } });
    expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
    expect(git(gitDir, 'rev-list', '--count', `${from}..${branch}`).trim()).toBe('1');
    expect(fake.server.log.filter((r) => r.operation).map((r) => [r.operation, r.status])).toEqual([
      ['CreateCommitOnBranch', 0],
      ['RecentCommits', 200],
    ]);
    expect(pulls()).toHaveLength(1);
  });

  it('the pull request fails after the commit (content-creation limit): the result says the commit is there; the retry creates only the pull request', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { method: 'POST', path: '/repos/{owner}/{repo}/pulls' }, action: { kind: 'secondary-rate-limit', contentCreation: true } });
    const req = await request(from, { newBranch: branch });
    const first = await run(req).result;
    const oid = rev(branch);
    expect(first).toMatchObject({
      ok: false,
      failure: { kind: 'github', error: { kind: 'rate-limited', limit: 'content-creation', until: Date.UTC(2026, 11, 7, 7, 2) } },
      written: { branch: { name: branch, sha: from }, commit: { oid, branch } },
    });
    expect(first.message).toMatch(/^GitHub limits how much an account creates \(commits, branches, pull requests\): it accepts more after .+\. /);
    expect(first.message).toMatch(new RegExp(`Your commit ${oid.slice(0, 7)} is on ${branch}; the pull request was not opened: retry to open it\\.$`));
    const afterFirst = expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
    expect(pulls()).toHaveLength(0);

    fake.server.log.length = 0;
    const { result, progress } = run(req);
    expect(await result).toMatchObject({ ok: true, commit: { oid }, pullRequest: { number: expect.any(Number) } });
    expectOnly(gitDir, afterFirst, {});
    expect(writes()).toEqual(['POST /repos/acme/egs/git/refs', 'POST /repos/acme/egs/pulls']);
    expect(pulls()).toHaveLength(1);
    expect(progress.map((p) => `${p.step}:${p.state}`)).toEqual(['branch:started', 'branch:done', 'commit:done', 'pull-request:started', 'pull-request:done']);
  });

  it('the pull request was opened but its answer lost: sent again, "A pull request already exists" counts as done', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { method: 'POST', path: '/repos/{owner}/{repo}/pulls' }, action: { kind: 'drop-after' } });
    const done = await run(await request(from, { newBranch: branch })).result;
    expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
    expect(pulls()).toHaveLength(1);
    expect(done).toMatchObject({ ok: true, pullRequest: { number: pulls()[0]!.number } });
    expect(writes()).toEqual(['POST /repos/acme/egs/git/refs', 'CreateCommitOnBranch', 'POST /repos/acme/egs/pulls', 'POST /repos/acme/egs/pulls']);
  });

  it('the branch was created but its answer lost: the branch at the start commit is taken as this run’s, one commit on it', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { method: 'POST', path: '/repos/{owner}/{repo}/git/refs' }, action: { kind: 'drop-after' } });
    expect(await run(await request(from, { newBranch: branch })).result).toMatchObject({ ok: true });
    expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
  });

  it('GitHub unavailable before the branch: nothing written, and the result says so', async () => {
    const from = rev('main~1');
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { method: 'POST', path: '/repos/{owner}/{repo}/git/refs' }, action: { kind: 'status', status: 502 } });
    const done = await run(await request(from, { newBranch: studioBranchName('main', from) })).result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'github', error: { kind: 'unavailable' } }, written: {} });
    expect(done.message).toBe('GitHub could not be reached; try again in a while. Nothing was written.');
    expectOnly(gitDir, before, {});
  });

  it('the commit refused after the branch was made (content-creation limit): the result names the branch; the retry continues on it', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'secondary-rate-limit', contentCreation: true } });
    const req = await request(from, { newBranch: branch });
    const first = await run(req).result;
    expect(first).toMatchObject({
      ok: false,
      failure: { kind: 'github', error: { limit: 'content-creation' } },
      written: { branch: { name: branch, sha: from } },
    });
    expect(first.message).toMatch(
      new RegExp(`Branch ${branch} was created at ${from.slice(0, 7)}; nothing was committed to it yet: retrying continues on it\\.$`),
    );
    const afterFirst = expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 0 } });
    // Another run (another id) is refused that branch, empty as it is: it is not its own.
    expect(await run({ ...req, runId: randomUUID() }).result).toMatchObject({ ok: false, failure: { kind: 'branch-exists' }, written: {} });
    expectOnly(gitDir, afterFirst, {});
    expect(await run(req).result).toMatchObject({ ok: true });
    expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
  });
});

describe('commitExperiment to the base branch', () => {
  it.each(['stale-data', 'ref-is-at'] as const)(
    'a push between planning and committing (%s): branch moved, only that push on the branch, the new head carried; re-planned on it, the commit goes through',
    async (answer) => {
      const from = rev('main');
      const before = repoState(gitDir);
      fake.server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'concurrent-push', answer } });
      const moved = await run(await request(from, 'base')).result;
      const pushed = rev('main');
      expect(moved).toMatchObject({ ok: false, failure: { kind: 'branch-moved', branch: 'main', head: pushed }, written: {} });
      expect(moved.message).toBe(
        `main moved to ${pushed.slice(0, 7)} while committing: check the change against the new head and commit again. Nothing was written.`,
      );
      const afterPush = expectOnly(gitDir, before, { 'refs/heads/main': { from, commits: 1 } });
      expect(git(gitDir, 'log', '-1', '--format=%an', 'main').trim()).toBe('Concurrent Pusher');

      const again = await run(await request(pushed, 'base')).result;
      expect(again).toMatchObject({ ok: true, branch: 'main', commit: { oid: rev('main') } });
      expect(again.ok && again.pullRequest).toBeFalsy();
      expectOnly(gitDir, afterPush, { 'refs/heads/main': { from: pushed, commits: 1 } });
      expect(changedLines(pushed, 'main')).toEqual(['-  n_est: 50', '-  min_split: 0.01', '+  n_est: 100', '+  min_split: 0.02']);
    },
  );

  it('from an old commit whose params file changed since: refused, naming the file, nothing written', async () => {
    const from = rev('main~1'); // params.yaml's featurize values changed in main's last commit
    const before = repoState(gitDir);
    const done = await run(await request(from, 'base')).result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'stale-base', branch: 'main', head: rev('main'), files: ['params.yaml'] }, written: {} });
    expect(done.message).toBe(
      `params.yaml changed on main since the commit you started from: start again from its head (${rev('main').slice(0, 7)}) so those changes are not undone. Nothing was written.`,
    );
    expectOnly(gitDir, before, {});
    expect(writes()).toEqual([]);
  });

  it('from an old commit whose touched files did not change since: applied on the current head', async () => {
    const from = rev('main');
    // Someone else's push after the plan's start, changing another file only.
    const other = await fake.store.repository(REPO.owner, REPO.name)!.git.pushFiles('main', { 'NOTES.md': 'Unrelated work\n' }, 'Unrelated work\n', MONA);
    expect(rev('main^')).toBe(from);
    const before = repoState(gitDir);
    const done = await run(await request(from, 'base')).result;
    expect(done).toMatchObject({ ok: true, branch: 'main' });
    expectOnly(gitDir, before, { 'refs/heads/main': { from: other, commits: 1 } });
    expect(rev('main^')).toBe(other);
    expect(changedLines(other, 'main')).toEqual(['-  n_est: 50', '-  min_split: 0.01', '+  n_est: 100', '+  min_split: 0.02']);
  });

  it('a commit whose answer is late: given up at the timeout, read back, sent again; the late one then finds the branch moved, one commit in all', async () => {
    const from = rev('main');
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'delay', ms: 3000 } });
    // The timeout on the delayed (first) mutation only, so that a slow read or a slow retry on a busy machine cannot end the test early.
    const timed = fetchWithTimeout(globalThis.fetch, 300);
    let mutations = 0;
    const commitsTimeOut: typeof fetch = (input, init) =>
      String(init?.body ?? '').includes('CreateCommitOnBranch') && mutations++ === 0 ? timed(input, init) : globalThis.fetch(input, init);
    const done = await run(await request(from, 'base'), undefined, commitsTimeOut).result;
    expect(done).toMatchObject({ ok: true, commit: { oid: rev('main') } });
    const commits = () => fake.server.log.filter((r) => r.operation === 'CreateCommitOnBranch');
    await expect.poll(() => commits()[0]?.status, { timeout: 10_000 }).toBe(200); // the late one, answered into a closed connection
    expect(commits().map((r) => r.fault)).toEqual(['delay', undefined]);
    expectOnly(gitDir, before, { 'refs/heads/main': { from, commits: 1 } });
  });

  it('the answer to a base commit lost: the retry of the same run finds its commit and writes nothing more', async () => {
    const from = rev('main');
    const before = repoState(gitDir);
    fake.server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'drop-after' } });
    const req = await request(from, 'base');
    expect(await run(req).result).toMatchObject({ ok: true, commit: { oid: rev('main') } });
    const after = expectOnly(gitDir, before, { 'refs/heads/main': { from, commits: 1 } });
    // The user presses Commit again for the same run: its own commit is recognised, not refused as a stale base.
    expect(await run(req).result).toMatchObject({ ok: true, commit: { oid: rev('main') } });
    expectOnly(gitDir, after, {});
  });
});

describe('commitExperiment refuses before writing', () => {
  const branchRequest = async () => {
    const from = rev('main~1');
    return request(from, { newBranch: studioBranchName('main', from) });
  };

  it("the token's login differs from the page's user: both named, nothing written", async () => {
    const before = repoState(gitDir);
    const done = await run({ ...(await branchRequest()), pageLogin: 'mona' }).result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'wrong-account', tokenLogin: 'octocat', pageLogin: 'mona' }, written: {} });
    expect(done.message).toBe(
      'Your Commit Lab token belongs to octocat, but mona is signed in on GitHub: sign in as octocat, or give Commit Lab a token of mona. Nothing was written.',
    );
    expectOnly(gitDir, before, {});
    expect(writes()).toEqual([]);
  });

  it.each([
    ['an expired token', () => fake.tokens.add('ghp_expired', 'octocat', { kind: 'expired' }), { kind: 'bad-credentials' }],
    [
      'an SSO-restricted token',
      () => fake.tokens.add('ghp_sso', 'octocat', { kind: 'sso', scopes: ['repo'], organization: 'acme' }),
      { kind: 'sso-required', url: expect.stringContaining('/orgs/acme/sso') },
    ],
    [
      'a fine-grained token without Contents write',
      () => fake.tokens.add('github_pat_ro', 'octocat', { kind: 'fine-grained', permissions: { contents: 'read', pull_requests: 'write', metadata: 'read' } }),
      {
        kind: 'missing-permission',
        needed: ['contents=write'],
        tokenKind: 'fine-grained',
        message: 'Your token lacks the permission contents=write GitHub asks for here.',
      },
    ],
    [
      'a classic token without repo or public_repo',
      () => fake.tokens.add('ghp_noscope', 'octocat', { kind: 'classic', scopes: ['read:user'] }),
      { kind: 'missing-permission', needed: ['repo', 'public_repo'], tokenKind: 'classic' },
    ],
  ])('%s: its own error, nothing written', async (_, token, error) => {
    const before = repoState(gitDir);
    const done = await run(await branchRequest(), token()).result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'github', error }, written: {} });
    expect(done.message.endsWith(' Nothing was written.')).toBe(true);
    expectOnly(gitDir, before, {});
    expect(pulls()).toHaveLength(0);
  });

  it('a fine-grained token without Contents write, to the base branch (GraphQL names no permission): contents=write named', async () => {
    fake.tokens.add('github_pat_ro', 'octocat', { kind: 'fine-grained', permissions: { contents: 'read', metadata: 'read' } });
    const before = repoState(gitDir);
    const done = await run(await request(rev('main'), 'base'), 'github_pat_ro').result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'github', error: { kind: 'missing-permission', needed: ['contents=write'] } }, written: {} });
    expectOnly(gitDir, before, {});
  });

  it('a read-only collaborator: read-only, nothing written', async () => {
    fake.tokens.add('ghp_reader', 'reader', { kind: 'classic', scopes: ['repo'] });
    fake.store.repository(REPO.owner, REPO.name)!.collaborators.set('reader', 'read');
    const before = repoState(gitDir);
    const done = await run({ ...(await branchRequest()), pageLogin: 'reader' }, 'ghp_reader').result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'read-only', login: 'reader', repo: 'acme/egs' }, written: {} });
    expect(done.message).toBe('reader can read acme/egs but not push to it: committing needs write access. Nothing was written.');
    expectOnly(gitDir, before, {});
    expect(writes()).toEqual([]);
  });

  it('a plan that changes nothing: nothing to commit, nothing written', async () => {
    const before = repoState(gitDir);
    const done = await run(await request(rev('main'), 'base', [{ file: 'params.yaml', key: 'train.n_est', value: 50 }])).result;
    expect(done).toMatchObject({ ok: false, failure: { kind: 'nothing-to-commit' }, written: {} });
    expect(fake.server.log).toEqual([]);
    expectOnly(gitDir, before, {});
  });
});

describe('commitExperiment with a file kept in git replaced by staged bytes', () => {
  // Bytes no UTF-8 decoder would keep: NUL, 0xff, a lone continuation byte, a truncated sequence, CR LF.
  const BYTES = new Uint8Array([0x23, 0x21, 0x00, 0xff, 0x80, 0xc3, 0x28, 0x0d, 0x0a, 0xe2, 0x82]);
  const staged = stagedFiles({ name: 'commit-experiment-test' });

  async function replacing(from: string, target: CommitExperimentRequest['target'], path: string, size = BYTES.length) {
    const plan = await planExperiment(await projectAt(from), { paramEdits: [], fileChanges: [{ kind: 'git', path, size }] });
    const req: CommitExperimentRequest = {
      ...{ repo: REPO, baseBranch: 'main', fromSha: from, target, plan, pageLogin: 'octocat', runId: randomUUID() },
      ...{ message: plan.message.subject, description: '' },
    };
    return req;
  }
  const blobAt = (rev: string, path: string) => new Uint8Array(execFileSync('git', [`--git-dir=${gitDir}`, 'cat-file', 'blob', `${rev}:${path}`]));

  it('to a new branch: one commit whose only change is that file, with exactly the staged bytes', async () => {
    const from = rev('main~1');
    const branch = studioBranchName('main', from);
    const before = repoState(gitDir);
    const req = await replacing(from, { newBranch: branch }, 'src/train.py');
    await staged.put(req.runId, [{ path: 'src/train.py', blob: new Blob([BYTES]) }]);
    const done = await commitExperiment(client(), req, { ledger, staged });
    expect(done).toMatchObject({ ok: true, branch, commit: { oid: rev(branch) } });
    expectOnly(gitDir, before, { [`refs/heads/${branch}`]: { from, commits: 1 } });
    expect(git(gitDir, 'diff-tree', '-r', '--name-status', '--no-commit-id', from, branch).trim()).toBe('A\tsrc/train.py');
    expect(blobAt(branch, 'src/train.py')).toEqual(BYTES);
    expect(git(gitDir, 'log', '-1', '--format=%s', branch).trim()).toBe('Update src/train.py');
  });

  it.each([
    ['not staged', undefined],
    ['staged with another size than planned', new Blob([BYTES, BYTES])],
  ])('bytes %s: file-missing, no request to GitHub, nothing written', async (_, blob) => {
    const req = await replacing(rev('main'), 'base', 'src/train.py');
    if (blob) await staged.put(req.runId, [{ path: 'src/train.py', blob }]);
    const before = repoState(gitDir);
    const done = await commitExperiment(client(), req, { ledger, staged });
    expect(done).toMatchObject({ ok: false, failure: { kind: 'file-missing', path: 'src/train.py' }, written: {} });
    expect(done.message).toMatch(/^The new bytes of src\/train\.py did not reach Commit Lab's background .* Nothing was written\.$/);
    expect(fake.server.log).toEqual([]);
    expectOnly(gitDir, before, {});
  });

  it("a request naming a size above GitHub's limit (the plan refuses it; a request is checked again): refused in words, no request to GitHub", async () => {
    const req = await replacing(rev('main'), 'base', 'src/train.py');
    const size = GITHUB_FILE_LIMIT + 1;
    const done = await commitExperiment(client(), { ...req, plan: { ...req.plan, replaced: [{ path: 'src/train.py', size }] } }, { ledger, staged });
    expect(done).toMatchObject({ ok: false, failure: { kind: 'file-too-large', path: 'src/train.py', size }, written: {} });
    expect(done.message).toBe(
      'src/train.py is 100.0 MiB (104,857,601 bytes): GitHub refuses files larger than 100 MB (104,857,600 bytes), so it cannot be committed. Keep it in DVC instead. Nothing was written.',
    );
    expect(fake.server.log).toEqual([]);
  });

  it('to the base branch from an old commit: refused when the replaced file changed since, applied on the head when it did not', async () => {
    const from = rev('main');
    const pushed = await fake.store.repository(REPO.owner, REPO.name)!.git.pushFiles('main', { 'src/train.py': 'print("mona")\n' }, 'Add train.py\n', MONA);
    expect(rev('main^')).toBe(from);
    const before = repoState(gitDir);

    const stale = await replacing(from, 'base', 'src/train.py');
    await staged.put(stale.runId, [{ path: 'src/train.py', blob: new Blob([BYTES]) }]);
    const refused = await commitExperiment(client(), stale, { ledger, staged });
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'stale-base', branch: 'main', head: pushed, files: ['src/train.py'] }, written: {} });
    expectOnly(gitDir, before, {});

    const other = await replacing(from, 'base', 'src/evaluate.py');
    await staged.put(other.runId, [{ path: 'src/evaluate.py', blob: new Blob([BYTES]) }]);
    const done = await commitExperiment(client(), other, { ledger, staged });
    expect(done).toMatchObject({ ok: true, branch: 'main' });
    expectOnly(gitDir, before, { 'refs/heads/main': { from: pushed, commits: 1 } });
    expect(git(gitDir, 'diff-tree', '-r', '--name-status', '--no-commit-id', pushed, 'main').trim()).toBe('A\tsrc/evaluate.py');
    expect(blobAt('main', 'src/evaluate.py')).toEqual(BYTES);
  });
});
