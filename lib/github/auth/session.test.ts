import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { manualClock } from '../../../tests/fake-github/clock';
import type { Account, AccountState } from './account';
import { UnavailableError } from '../errors';
import { Session } from './session';
import { sleepingOn } from '../testing/fake-clock';

const CLIENT_ID = 'Iv23liCommitLab';
const T0 = Date.UTC(2026, 0, 5, 9);
const HOUR = 3600_000;
let fake: FakeGitHub | undefined;
afterEach(async () => fake?.close());

async function world(fetchFn: typeof fetch = fetch) {
  const time = manualClock(T0);
  fake = await startFakeGitHub({ clock: time, deviceApps: [{ clientId: CLIENT_ID }] });
  const pair = fake.userTokens.issue('mona', CLIENT_ID);
  const account: Account = {
    origin: fake.url,
    login: 'mona',
    avatarUrl: '',
    kind: 'app-user',
    accessToken: pair.access_token,
    expiresAt: T0 + 8 * HOUR,
    refreshToken: pair.refresh_token,
    refreshExpiresAt: T0 + pair.refresh_token_expires_in * 1000,
    clientId: CLIENT_ID,
    lacks: [],
    repoLacks: {},
  };
  let state: AccountState = { status: 'signed-in', account };
  const store = { get: async () => state, set: async (next: AccountState) => void (state = next) };
  const { clock } = sleepingOn(time);
  const session = new Session({ store, fetch: fetchFn, clock });
  const whoIs = async (token: string) => (await fetch(`${fake!.url}/api/v3/user`, { headers: { authorization: `token ${token}` } })).status;
  const refreshPosts = () => fake!.server.log.filter((r) => r.path === '/login/oauth/access_token').length;
  return { time, account, session, store, state: () => state, whoIs, refreshPosts };
}

describe('a session with an expiring App user token', () => {
  it('refreshes shortly before the 8 hours are up and gets a token GitHub accepts', async () => {
    const w = await world();
    w.time.advance(7 * HOUR);
    expect((await w.session.current())?.accessToken).toBe(w.account.accessToken);
    expect(w.refreshPosts()).toBe(0);
    w.time.advance(HOUR - 60_000);
    const fresh = await w.session.current();
    expect(fresh?.accessToken).toMatch(/^ghu_/);
    expect(fresh?.accessToken).not.toBe(w.account.accessToken);
    expect(fresh?.refreshToken).not.toBe(w.account.refreshToken);
    expect(fresh?.expiresAt).toBe(w.time.now() + 8 * HOUR);
    expect(w.state()).toEqual({ status: 'signed-in', account: fresh });
    w.time.advance(60_000);
    expect(await w.whoIs(w.account.accessToken)).toBe(401);
    expect(await w.whoIs(fresh!.accessToken)).toBe(200);
  });

  it('after a 401 refreshes once, however many requests were refused at the same time', async () => {
    const w = await world();
    fake!.userTokens.expireAll('mona');
    expect(await w.whoIs(w.account.accessToken)).toBe(401);
    const [a, b] = await Promise.all([w.session.unauthorized(w.account.accessToken), w.session.unauthorized(w.account.accessToken)]);
    expect(a?.accessToken).toBe(b?.accessToken);
    expect(w.refreshPosts()).toBe(1);
    expect(await w.whoIs(a!.accessToken)).toBe(200);
    // A request that used the old token after the refresh just takes the new one.
    expect((await w.session.unauthorized(w.account.accessToken))?.accessToken).toBe(a!.accessToken);
    expect(w.refreshPosts()).toBe(1);
  });

  it('a refresh token used already is refused: signed out, every secret gone, the reason kept', async () => {
    const w = await world();
    // Another copy of the account (a restored profile) refreshed first: ours is used up.
    await fetch(`${fake!.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: w.account.refreshToken! }),
    });
    w.time.advance(8 * HOUR);
    expect(await w.session.current()).toBeUndefined();
    expect(w.state()).toEqual({
      status: 'signed-out',
      origin: fake!.url,
      login: 'mona',
      reason: 'GitHub no longer accepts the sign-in (the refresh token expired, was revoked or was already used). Sign in again.',
    });
    expect(JSON.stringify(w.state())).not.toMatch(/gh[ur]_/);
  });

  it('a refused token with nothing to refresh it signs out', async () => {
    const w = await world();
    const { refreshToken: _r, expiresAt: _e, refreshExpiresAt: _x, ...classic } = w.account;
    await w.store.set({ status: 'signed-in', account: { ...classic, accessToken: 'ghp_revoked', kind: 'classic' } });
    expect(await w.session.unauthorized('ghp_revoked')).toBeUndefined();
    expect(w.state()).toMatchObject({ status: 'signed-out', reason: /GitHub no longer accepts the token of mona \(it expired or was revoked\)/ });
  });

  it('a refresh that cannot reach GitHub, or meets a 5xx, keeps the sign-in for the next try', async () => {
    const w = await world(async () => Promise.reject(new TypeError('Failed to fetch')));
    w.time.advance(8 * HOUR);
    await expect(w.session.current()).rejects.toThrow(new UnavailableError(undefined).message);
    expect(w.state().status).toBe('signed-in');
  });

  it('a 502 from the OAuth host is no refusal', async () => {
    const w = await world();
    fake!.server.faults.add({ match: { site: 'web', path: '/login/oauth/access_token' }, action: { kind: 'status', status: 502 } });
    w.time.advance(8 * HOUR);
    await expect(w.session.current()).rejects.toBeInstanceOf(UnavailableError);
    expect(w.state().status).toBe('signed-in');
    expect((await w.session.current())?.accessToken).not.toBe(w.account.accessToken);
  });
});
