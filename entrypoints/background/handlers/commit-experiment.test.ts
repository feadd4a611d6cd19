import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { git } from '../../../tests/fake-github/git/git-cli';
import { writeExampleGetStarted } from '../../../tests/fake-github/seed/example-get-started';
import { parseCommitProgress } from '../../../lib/messages/requests/commit-progress';
import { stagedFiles } from '../../../lib/experiments/write/staged-files';
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
      replaced: [] as { path: string; size: number }[],
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

  it("commits the bytes the Run form staged in the extension origin's IndexedDB, then drops them; a failed run drops them too", async () => {
    await signInWith(fake.url, 'ghp_stored');
    const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x0a]);
    const page = stagedFiles();
    const request = { ...message(), target: { newBranch: 'replace-train-py' } };
    request.plan.replaced = [{ path: 'src/train.py', size: bytes.length }];
    await page.put(request.runId, [{ path: 'src/train.py', blob: new Blob([bytes]) }]);
    const result = await send(request, runForm);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('Committed') });
    const branch = request.target.newBranch;
    expect(git(gitDir(), 'diff-tree', '-r', '--name-only', '--no-commit-id', `${branch}^`, branch).split('\n').filter(Boolean).sort()).toEqual([
      'params.yaml',
      'src/train.py',
    ]);
    const committed = execFileSync('git', [`--git-dir=${gitDir()}`, 'cat-file', 'blob', `${branch}:src/train.py`]);
    expect(new Uint8Array(committed)).toEqual(bytes);
    expect(await page.get(request.runId, 'src/train.py')).toBeUndefined();

    await fakeBrowser.storage.local.clear();
    const signedOut = message();
    signedOut.plan.replaced = [{ path: 'src/train.py', size: bytes.length }];
    await page.put(signedOut.runId, [{ path: 'src/train.py', blob: new Blob([bytes]) }]);
    expect(await send(signedOut, runForm)).toMatchObject({ ok: false, failure: { kind: 'no-token' } });
    expect(await page.get(signedOut.runId, 'src/train.py')).toBeUndefined();
  });
});
