import 'fake-indexeddb/auto';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { idbCache } from '../../../lib/cache';
import { accountStore } from '../account-store';
import { handleMessage } from '../handle-message';
import { signInWith, testBackground } from '../testing/test-background';

const SAMPLE = fileURLToPath(new URL('../../../tests/fake-github/sample', import.meta.url));
const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const githubTab = { url: 'https://github.com/acme/iris/commits/main' };
const CLIENT_ID = 'Iv23liCommitLab';

let fake: FakeGitHub;
let shas: string[];
let n = 0;
beforeAll(async () => {
  fake = await startFakeGitHub({ seeds: [{ owner: 'acme', name: 'iris', folder: SAMPLE }], deviceApps: [{ clientId: CLIENT_ID }] });
  shas = fake.seeds
    .get('acme/iris')!
    .commits.map((c) => c.oid)
    .reverse();
});
afterAll(() => fake.close());
beforeEach(() => {
  fakeBrowser.reset();
  fake.server.log.length = 0;
});

function asker() {
  const context = testBackground({ cache: idbCache({ name: `handler-${n++}` }) });
  return (message: unknown) => handleMessage(message, githubTab, ORIGIN, context);
}

/** Signed in on the fake GitHub, which plays a GitHub Enterprise host, with a token it takes for the default user. */
const signIn = (accessToken: string) => signInWith(fake.url, accessToken);

describe('the experiments message', () => {
  it('answers a content script with the rows of its page', async () => {
    await signIn('ghp_reader');
    const reply = await asker()({ type: 'experiments', repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas });
    expect(reply).toMatchObject({ ok: true, result: { dvc: true }, login: 'octocat' });
    const rows = reply && 'result' in reply && reply.result.dvc ? reply.result.rows : [];
    expect(rows.map((r) => r.sha)).toEqual(shas);
    expect(rows[0]!.params.length).toBeGreaterThan(0);
  });

  it('an App user token GitHub ended early: one refresh at the OAuth host, then the rows; a refused refresh signs out and says so', async () => {
    const pair = fake.userTokens.issue('octocat', CLIENT_ID);
    const account = { origin: fake.url, login: 'octocat', avatarUrl: '', kind: 'app-user' as const, lacks: [], repoLacks: {}, clientId: CLIENT_ID };
    await accountStore.set({ status: 'signed-in', account: { ...account, accessToken: pair.access_token, refreshToken: pair.refresh_token } });
    fake.userTokens.expireAll('octocat');
    const ask = asker();
    const page = { type: 'experiments', repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas };
    expect(await ask(page)).toMatchObject({ ok: true, result: { dvc: true } });
    const oauth = fake.server.log.filter((r) => r.site === 'web');
    expect(oauth.map((r) => [r.method, r.path])).toEqual([['POST', '/login/oauth/access_token']]);
    expect(fake.server.log.filter((r) => r.site === 'api' && r.status === 401)).toHaveLength(1);

    // The same refresh token again (a restored profile): GitHub refuses it, and the page is told why.
    await accountStore.set({ status: 'signed-in', account: { ...account, accessToken: pair.access_token, refreshToken: pair.refresh_token } });
    expect(await asker()(page)).toEqual({ ok: false, error: { kind: 'bad-credentials', message: expect.any(String) } });
    expect(await asker()(page)).toEqual({
      ok: false,
      error: { kind: 'no-token', message: expect.stringMatching(/refresh token expired, was revoked or was already used/) },
    });
  });

  it('a repository the token cannot read: one typed error for the page, in one request', async () => {
    await signIn('ghp_reader');
    const reply = await asker()({ type: 'experiments', repo: { owner: 'acme', name: 'secret' }, list: { ref: 'main' }, shas });
    expect(reply).toEqual({ ok: false, error: { kind: 'not-found', message: 'GitHub cannot find acme/secret, or your token cannot read it.' } });
    expect(fake.server.log.filter((r) => r.site === 'api')).toHaveLength(1);
  });

  it('without a token: no request, a sentence saying what to do', async () => {
    const reply = await asker()({ type: 'experiments', repo: { owner: 'acme', name: 'iris' }, list: { pr: 3 }, shas });
    expect(reply).toEqual({ ok: false, error: { kind: 'no-token', message: expect.stringMatching(/options/) } });
    expect(fake.server.log).toEqual([]);
  });

  it.each([
    { repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas: ['abc'] },
    { repo: { owner: 'acme/x', name: 'iris' }, list: { ref: 'main' }, shas: ['a'.repeat(40)] },
    { repo: { owner: 'acme', name: 'iris' }, list: { pr: -1 }, shas: ['a'.repeat(40)] },
    { repo: { owner: 'acme', name: 'iris' }, list: {}, shas: ['a'.repeat(40)] },
    { repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas: Array(101).fill('a'.repeat(40)) },
    { repo: 'acme/iris', list: { ref: 'main' }, shas: [] },
  ])('refuses a malformed request at the boundary: %j', (fields) => {
    expect(asker()({ type: 'experiments', ...fields })).toBeUndefined();
  });
});
