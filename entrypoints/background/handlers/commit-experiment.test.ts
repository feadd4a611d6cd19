import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { writeExampleGetStarted } from '../../../tests/fake-github/seed/example-get-started';
import { git } from '../../../tests/fake-github/git/git-cli';
import type { CommitExperimentRequest } from '../../../lib/experiments/write/commit-experiment';
import { enterpriseHost } from '../../../lib/github/host';
import { parseCommitProgress, type CommitProgressMessage } from '../../../lib/messages/commit-progress';
import { sessionRunLedger } from '../run-ledger-store';
import { tokenStore } from '../token-store';
import { commitExperimentHandler, type CommitContext } from './commit-experiment';

let seed: string;
let fake: FakeGitHub;
beforeAll(async () => {
  seed = await mkdtemp(join(tmpdir(), 'commit-handler-'));
  await writeExampleGetStarted(seed);
  fake = await startFakeGitHub({ seeds: [{ owner: 'acme', name: 'egs', folder: seed }] });
});
afterAll(async () => {
  await fake.close();
  await rm(seed, { recursive: true, force: true });
});
beforeEach(() => fakeBrowser.reset());

const gitDir = () => fake.store.repository('acme', 'egs')!.git.gitDir;

function context(sent: unknown[]): CommitContext {
  return { tokens: tokenStore, githubHost: enterpriseHost(fake.url), runLedger: sessionRunLedger, notifyPages: (m: CommitProgressMessage) => sent.push(m) };
}

function request(): CommitExperimentRequest {
  const fromSha = git(gitDir(), 'rev-parse', 'main').trim();
  const text = git(gitDir(), 'show', `${fromSha}:params.yaml`).replace('n_est: 50', 'n_est: 70');
  return {
    repo: { owner: 'acme', name: 'egs' },
    baseBranch: 'main',
    fromSha,
    target: { newBranch: `main-${fromSha.slice(0, 7)}` },
    plan: {
      files: [{ path: 'params.yaml', base64: Buffer.from(text).toString('base64') }],
      params: [{ file: 'params.yaml', key: 'train.n_est', before: '50', after: '70' }],
      data: [],
    },
    message: 'Update params.yaml:train.n_est',
    description: '',
    pageLogin: 'octocat',
    runId: randomUUID(),
  };
}

describe('the commit-experiment handler', () => {
  it('without a stored token: no-token, no request to GitHub', async () => {
    fake.server.log.length = 0;
    const sent: unknown[] = [];
    expect(await commitExperimentHandler(request(), context(sent))).toMatchObject({ ok: false, failure: { kind: 'no-token' }, written: {} });
    expect(fake.server.log).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('writes with the stored token, tells the pages each step of this run, and keeps the branch in session storage', async () => {
    await tokenStore.set('ghp_stored');
    fake.server.log.length = 0;
    const sent: unknown[] = [];
    const req = request();
    const result = await commitExperimentHandler(req, context(sent));
    expect(result).toMatchObject({ ok: true, branch: req.target !== 'base' && req.target.newBranch });
    expect(new Set(fake.server.log.map((r) => r.headers.authorization))).toEqual(new Set(['token ghp_stored']));
    expect(sent.map((m) => parseCommitProgress(m)).map((m) => m && `${m.runId === req.runId}:${m.progress.step}:${m.progress.state}`)).toEqual([
      'true:branch:started',
      'true:branch:done',
      'true:commit:started',
      'true:commit:done',
      'true:pull-request:started',
      'true:pull-request:done',
    ]);
    expect(await fakeBrowser.storage.session.get('commitRunBranches')).toEqual({ commitRunBranches: { [req.runId]: `main-${req.fromSha.slice(0, 7)}` } });
  });
});
