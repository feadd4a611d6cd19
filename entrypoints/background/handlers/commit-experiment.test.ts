import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { git } from '../../../tests/fake-github/git/git-cli';
import { writeExampleGetStarted } from '../../../tests/fake-github/seed/example-get-started';
import { parseCommitProgress } from '../../../lib/messages/commit-progress';
import { handleMessage } from '../handle-message';
import { signInWith, testBackground } from '../testing/test-background';

// commit-experiment through the background's real entry: the sender check, the parse at the
// trust boundary, the handler with the stored token, against the fake GitHub.

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const runForm = { url: `${ORIGIN}run.html` };
const githubTab = { url: 'https://github.com/acme/egs/commits/main' };

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
beforeEach(() => {
  fakeBrowser.reset();
  fake.server.log.length = 0;
});

const gitDir = () => fake.store.repository('acme', 'egs')!.git.gitDir;

function send(message: unknown, sender: { url?: string }, sent: unknown[] = []) {
  return handleMessage(message, sender, ORIGIN, testBackground({ notifyPages: (m) => sent.push(m) }));
}

/** What the Run form sends: a plan of one params edit on main's head, to a new branch. */
function message() {
  const fromSha = git(gitDir(), 'rev-parse', 'main').trim();
  const text = git(gitDir(), 'show', `${fromSha}:params.yaml`).replace('n_est: 50', 'n_est: 70');
  return {
    type: 'commit-experiment',
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

describe('the commit-experiment message', () => {
  it('from a content script (a GitHub page): refused before anything is read or written', async () => {
    await signInWith(fake.url, 'ghp_stored');
    await expect(send(message(), githubTab)).rejects.toThrow("commit-experiment is only accepted from the extension's own pages");
    expect(fake.server.log).toEqual([]);
  });

  it('a malformed request is not ours: left to other listeners', () => {
    expect(send({ ...message(), fromSha: 'HEAD' }, runForm)).toBeUndefined();
  });

  it('signed out: no-token, no request to GitHub', async () => {
    expect(await send(message(), runForm)).toMatchObject({ ok: false, failure: { kind: 'no-token' }, written: {} });
    expect(fake.server.log).toEqual([]);
  });

  it('writes with the stored token, tells the pages each step of this run, and keeps the branch in session storage', async () => {
    await signInWith(fake.url, 'ghp_stored');
    const sent: unknown[] = [];
    const request = message();
    const result = await send(request, runForm, sent);
    expect(result).toMatchObject({ ok: true, branch: request.target.newBranch, commit: { oid: git(gitDir(), 'rev-parse', request.target.newBranch).trim() } });
    expect(new Set(fake.server.log.map((r) => r.headers.authorization))).toEqual(new Set(['token ghp_stored']));
    expect(sent.map((m) => parseCommitProgress(m)).map((m) => m && `${m.runId === request.runId}:${m.progress.step}:${m.progress.state}`)).toEqual([
      'true:branch:started',
      'true:branch:done',
      'true:commit:started',
      'true:commit:done',
      'true:pull-request:started',
      'true:pull-request:done',
    ]);
    expect(await fakeBrowser.storage.session.get('commitRunBranches')).toEqual({ commitRunBranches: { [request.runId]: request.target.newBranch } });
  });
});
