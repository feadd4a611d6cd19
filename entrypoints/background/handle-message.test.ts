import path from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../tests/fake-github/app';
import { manualClock, type ManualClock } from '../../tests/fake-github/clock';
import { BadCredentialsError, MissingPermissionError } from '../../lib/github/errors';
import { originPattern } from '../../lib/remote';
import { sleepingOn } from '../../lib/github/testing/fake-clock';
import type { TokenStatus } from '../../lib/messages';
import { accountStore, settingsStore } from './account-store';
import type { BackgroundContext } from './context';
import { createBackground } from './create-background';
import { handleMessage, type Sender } from './handle-message';
import { fakeHostApi } from './testing/fake-host-api';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const optionsPage = { url: `${ORIGIN}options.html` };
const githubTab = { url: 'https://github.com/acme/egs/commits/main' };
const CLIENT_ID = 'Iv23liCommitLab';
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3600_000;
const SAMPLE = path.resolve(import.meta.dirname, '../../tests/fake-github/sample');
const MANIFEST = {
  permissions: ['storage'],
  host_permissions: ['https://github.com/*', 'https://api.github.com/*'],
  content_scripts: [{ matches: ['https://github.com/*'], js: ['content-scripts/github.js'] }],
};

let fake: FakeGitHub;
let time: ManualClock;
let background: BackgroundContext;
/** Every URL the background's client and OAuth calls fetched. */
let fetched: string[];
/** Runs inside the n-th sleep of the background's clock (e.g. the user approving a device code). */
let duringSleep: ((ms: number, n: number) => number | void) | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  time = manualClock(T0);
  fake = await startFakeGitHub({ clock: time, deviceApps: [{ clientId: CLIENT_ID }], seeds: [{ owner: 'acme', name: 'egs', folder: SAMPLE }] });
  fetched = [];
  duringSleep = undefined;
  const recording = (input: RequestInfo | URL, init?: RequestInit) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  const hostApi = fakeHostApi(MANIFEST);
  // The fake GitHub, reached at its own origin, plays a GitHub Enterprise Server; the user granted it.
  hostApi.grant({ origins: [originPattern(fake.url)], permissions: ['scripting'] });
  const { clock } = sleepingOn(time, (ms, n) => duringSleep?.(ms, n));
  background = createBackground({
    accounts: accountStore,
    settings: settingsStore,
    hostApi: hostApi.api,
    fetch: recording,
    clock,
    client: { fetch: recording },
  });
  await ask({ type: 'host-add', origin: fake.url });
});
afterEach(async () => fake.close());

const ask = (message: unknown, sender: Sender = optionsPage) => handleMessage(message, sender, ORIGIN, background) as Promise<TokenStatus>;
const save = (token: string) => ask({ type: 'token-save', token, origin: fake.url });
const stored = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('signing in with a pasted token', () => {
  it('recognises each kind of token and says what a classic one cannot do', async () => {
    const app = fake.userTokens.issue('mona', CLIENT_ID).access_token;
    const cases = [
      [fake.tokens.add('ghp_classicWithRepo000000000000000000000', 'hubot', { kind: 'classic', scopes: ['repo', 'workflow'] }), 'classic', []],
      [
        fake.tokens.add('ghp_classicPublicOnly00000000000000000000', 'hubot', { kind: 'classic', scopes: ['public_repo'] }),
        'classic',
        ['cannot read or write private repositories: the token has public_repo, not repo'],
      ],
      [
        fake.tokens.add('ghp_classicGistOnly0000000000000000000000', 'hubot', { kind: 'classic', scopes: ['gist'] }),
        'classic',
        [expect.stringMatching(/neither repo nor public_repo/)],
      ],
      [
        fake.tokens.add('github_pat_11AAAA_fineGrained000000000000', 'hubot', { kind: 'fine-grained', permissions: { contents: 'read', metadata: 'read' } }),
        'fine-grained',
        [],
      ],
      [app, 'app-user', []],
      [fake.tokens.add('gho_oauthAppToken00000000000000000000000', 'hubot', { kind: 'classic', scopes: ['repo'] }), 'oauth', []],
    ] as const;
    for (const [token, kind, lacks] of cases) {
      const status = await save(token);
      expect(status.account, token).toMatchObject({ origin: fake.url, kind, lacks });
      expect(status.account?.login).toBe(token === app ? 'mona' : 'hubot');
      expect(status.account?.avatarUrl).toMatch(/^https:\/\/avatars\.githubusercontent\.com\/u\/\d+/);
      expect(JSON.stringify(status)).not.toContain(token);
    }
    // Each check was one GET /user at the host's /api/v3.
    expect(fetched).toEqual(cases.map(() => `${fake.url}/api/v3/user`));
  });

  it('refuses an expired token in words and keeps nothing', async () => {
    const token = fake.tokens.add('ghp_expired0000000000000000000000000000', 'hubot', { kind: 'expired' });
    await expect(save(token)).rejects.toThrow(new BadCredentialsError().message);
    expect((await ask({ type: 'token-status' })).set).toBe(false);
    expect(await stored()).not.toContain(token);
  });

  it('refuses refresh tokens, words with spaces, and hosts not added', async () => {
    await expect(save('ghr_abc')).rejects.toThrow(/refresh token/);
    await expect(save('ghp_a ghp_b')).rejects.toThrow(/one word/);
    await expect(ask({ type: 'token-save', token: 'ghp_x', origin: 'https://other.example.com' })).rejects.toThrow(
      'Add https://other.example.com as a GitHub Enterprise host first',
    );
    expect(fetched).toEqual([]);
  });
});

describe('what a signed-in token meets later', () => {
  it('a fine-grained token’s first 403 names the permission, remembered for that repository', async () => {
    await save(
      fake.tokens.add('github_pat_11AAAA_noChecks00000000000000', 'octocat', { kind: 'fine-grained', permissions: { contents: 'read', metadata: 'read' } }),
    );
    const checkRuns = background.github.call(
      (c) => c.call((o) => o.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner: 'acme', repo: 'egs', ref: 'main' })),
      'acme/egs',
    );
    await expect(checkRuns).rejects.toBeInstanceOf(MissingPermissionError);
    expect((await ask({ type: 'token-status' })).account?.repoLacks).toEqual({ 'acme/egs': 'cannot read check runs: CI status comes from workflow runs' });
  });

  it('a revoked token signs out: the status says so to content scripts and the popup, with every secret gone', async () => {
    const token = fake.tokens.add('ghp_revokedLater00000000000000000000000', 'hubot', { kind: 'classic', scopes: ['repo'] });
    await save(token);
    fake.tokens.expire(token);
    await expect(background.github.call((c) => c.call((o) => o.request('GET /user')))).rejects.toBeInstanceOf(BadCredentialsError);
    expect(await ask({ type: 'token-status' }, githubTab)).toEqual({
      set: false,
      signedOut: { reason: expect.stringMatching(/no longer accepts the token of hubot \(it expired or was revoked\)/), origin: fake.url, login: 'hubot' },
      hosts: [fake.url],
      clientIds: {},
    });
    expect(await stored()).not.toContain(token);
    // Signed out, nothing more is sent: the next call fails at once.
    const before = fetched.length;
    await expect(background.github.call((c) => c.call((o) => o.request('GET /user')))).rejects.toBeInstanceOf(BadCredentialsError);
    expect(fetched).toHaveLength(before);
  });

  it('checking again from options refreshes an expired App user token, and signs out a revoked classic one', async () => {
    await save(fake.userTokens.issue('mona', CLIENT_ID).access_token);
    // A pasted App user token has no refresh token: GitHub's 401 after its 8 hours signs out.
    time.advance(8 * HOUR);
    expect(await ask({ type: 'token-check' })).toMatchObject({ set: false, signedOut: { login: 'mona' } });

    const token = fake.tokens.add('ghp_checkedAgain0000000000000000000000', 'hubot', { kind: 'classic', scopes: ['repo'] });
    expect((await save(token)).set).toBe(true);
    expect((await ask({ type: 'token-check' })).account?.login).toBe('hubot');
    fake.tokens.expire(token);
    expect(await ask({ type: 'token-check' })).toMatchObject({
      set: false,
      signedOut: { login: 'hubot', reason: expect.stringMatching(/expired or was revoked/) },
    });
  });

  it('GitHub Enterprise: REST goes to /api/v3 and GraphQL to /api/graphql on that host, with the token nowhere else', async () => {
    await save(fake.tokens.add('ghp_enterprise0000000000000000000000000', 'octocat', { kind: 'classic', scopes: ['repo'] }));
    fetched = [];
    const repo = await background.github.call((c) => c.call((o) => o.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'egs' })));
    const viewer = await background.github.call((c) => c.graphql<{ viewer: { login: string } }>('query { viewer { login } }', {}));
    expect([repo.data.full_name, viewer.data.viewer.login]).toEqual(['acme/egs', 'octocat']);
    expect(fetched).toEqual([`${fake.url}/api/v3/repos/acme/egs`, `${fake.url}/api/graphql`]);
  });
});

describe('the device flow through the background', () => {
  it('shows the code, signs in on approval, refreshes at 8 hours and signs out when the refresh token was used already', async () => {
    let userCode = '';
    duringSleep = (_ms, n) => void (n === 2 && fake.deviceFlow.approve(userCode, 'mona'));
    const code = await ask({ type: 'device-start', origin: fake.url, clientId: CLIENT_ID });
    userCode = (code as unknown as { userCode: string }).userCode;
    expect(code).toMatchObject({ verificationUri: 'https://github.com/login/device', expiresAt: T0 + 900_000 });
    const status = await ask({ type: 'device-wait' });
    expect(status.account).toMatchObject({ login: 'mona', kind: 'app-user', origin: fake.url, clientId: CLIENT_ID });
    expect(status.clientIds).toEqual({ [fake.url]: CLIENT_ID });
    const first = (await background.session.account())!;

    time.advance(8 * HOUR);
    fetched = [];
    const me = await background.github.call((c) => c.call((o) => o.request('GET /user')));
    expect(me.data.login).toBe('mona');
    // The refresh token went to the OAuth host, the new access token to the API host.
    expect(fetched).toEqual([`${fake.url}/login/oauth/access_token`, `${fake.url}/api/v3/user`]);
    const second = (await background.session.account())!;
    expect(second.accessToken).not.toBe(first.accessToken);
    // After a 401 (GitHub ended the token early), one refresh and the call goes through.
    fake.userTokens.expireAll('mona');
    fetched = [];
    expect((await ask({ type: 'token-check' })).account?.login).toBe('mona');
    expect(fetched).toEqual([`${fake.url}/api/v3/user`, `${fake.url}/login/oauth/access_token`, `${fake.url}/api/v3/user`]);
    const third = (await background.session.account())!;
    expect(third.accessToken).not.toBe(second.accessToken);

    // Put back the first pair, as a restored profile would: its refresh token is used up.
    await accountStore.set({ status: 'signed-in', account: first });
    await expect(background.github.call((c) => c.call((o) => o.request('GET /user')))).rejects.toBeInstanceOf(BadCredentialsError);
    const after = await ask({ type: 'token-status' });
    expect(after).toMatchObject({ set: false, signedOut: { reason: expect.stringMatching(/refresh token expired, was revoked or was already used/) } });
    expect(await stored()).not.toMatch(/gh[ur]_/);
  });

  it('says access_denied in words to the page waiting', async () => {
    let userCode = '';
    duringSleep = (_ms, n) => void (n === 2 && fake.deviceFlow.deny(userCode));
    userCode = ((await ask({ type: 'device-start', origin: fake.url, clientId: CLIENT_ID })) as unknown as { userCode: string }).userCode;
    await expect(ask({ type: 'device-wait' })).rejects.toThrow('Sign-in was cancelled on GitHub.');
  });
});

describe('messages from elsewhere', () => {
  it('accepts only the status from a web page', async () => {
    await expect(ask({ type: 'token-save', token: 'ghp_evil', origin: fake.url }, githubTab)).rejects.toThrow(/extension's own pages/);
    await expect(ask({ type: 'token-clear' }, {})).rejects.toThrow(/extension's own pages/);
    await expect(ask({ type: 'host-add', origin: 'https://evil.example.com' }, githubTab)).rejects.toThrow(/extension's own pages/);
    expect(fetched).toEqual([]);
  });

  it('leaves messages that are not ours to other listeners', () => {
    expect(handleMessage({ type: 'something-else' }, optionsPage, ORIGIN, background)).toBeUndefined();
    expect(handleMessage('token-status', optionsPage, ORIGIN, background)).toBeUndefined();
  });

  it('removing the host of the account signs out and forgets its secrets', async () => {
    const token = fake.tokens.add('ghp_onRemovedHost0000000000000000000000', 'hubot', { kind: 'classic', scopes: ['repo'] });
    await save(token);
    expect(await ask({ type: 'host-remove', origin: fake.url })).toEqual({ set: false, hosts: [], clientIds: {} });
    expect(await stored()).not.toContain(token);
  });
});

describe('remote credentials and refused hosts', () => {
  const s3 = {
    kind: 's3',
    url: 's3://field-data-flows/delta-data-control',
    endpoint: 'https://s3.deltares.nl',
    accessKeyId: 'AKIA1',
    secretAccessKey: 's3cr3t',
  };

  it('keeps credentials in storage.local and shows options everything but the secret', async () => {
    const summary = { kind: 's3', url: s3.url, endpoint: s3.endpoint, accessKeyId: 'AKIA1' };
    expect(await ask({ type: 'remote-credential-save', credential: s3 })).toEqual({ credentials: [summary] });
    const basic = { kind: 'basic', url: 'https://dvc.example.org/store', user: 'ann', password: 'pw' };
    await ask({ type: 'remote-credential-save', credential: basic });
    expect(await fakeBrowser.storage.local.get('remoteCredentials')).toEqual({ remoteCredentials: [s3, basic] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const listed = await ask({ type: 'remote-credentials' });
    expect(JSON.stringify(listed)).not.toMatch(/s3cr3t|"pw"/);
    expect(await ask({ type: 'remote-credential-remove', url: s3.url })).toEqual({ credentials: [{ kind: 'basic', url: basic.url, user: 'ann' }] });
  });

  it('refuses credentials from a web page, and malformed ones', async () => {
    await expect(ask({ type: 'remote-credential-save', credential: s3 }, githubTab)).rejects.toThrow(/extension's own pages/);
    await expect(ask({ type: 'remote-credentials' }, githubTab)).rejects.toThrow(/extension's own pages/);
    expect(ask({ type: 'remote-credential-save', credential: { ...s3, url: 'https://not-s3' } })).toBeUndefined();
    expect(ask({ type: 'remote-credential-save', credential: { kind: 'header', url: 'https://x.org', name: 'Cookie', value: 'v' } })).toBeUndefined();
    expect(await fakeBrowser.storage.local.get('remoteCredentials')).toEqual({});
  });

  it('remembers a refused host until options reset it', async () => {
    await ask({ type: 'remote-access-answer', origin: 'https://remote.dvc.org/*', granted: false });
    expect(await fakeBrowser.storage.local.get('deniedRemoteOrigins')).toEqual({ deniedRemoteOrigins: ['https://remote.dvc.org/*'] });
    await ask({ type: 'remote-access-reset' });
    expect(await fakeBrowser.storage.local.get('deniedRemoteOrigins')).toEqual({ deniedRemoteOrigins: [] });
    await expect(ask({ type: 'remote-access-answer', origin: 'https://remote.dvc.org/*', granted: false }, githubTab)).rejects.toThrow(/extension's own pages/);
  });
});
