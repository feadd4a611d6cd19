import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, zeroWaits, type ManualClock } from '../clock';
import { graphqlHandler } from '../graphql/handler';
import { createRestApi } from '../rest/index';
import { startServer, type FakeServer } from '../server';
import { Store } from '../store';
import { DEVICE_GRANT, DeviceFlow } from './device-flow';
import { APP_PERMISSIONS, UserTokens } from './user-tokens';

const CLIENT_ID = 'Iv23liFakeCommitLab01';
const T0 = Date.UTC(2026, 10, 29, 9);

interface OAuthAnswer {
  error?: string;
  interval?: number;
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  refresh_token_expires_in?: number;
  token_type?: string;
  scope?: string;
  device_code?: string;
  user_code?: string;
  verification_uri?: string;
}

describe('device flow', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  async function start(options: { waits?: typeof zeroWaits; deviceFlow?: boolean } = {}) {
    const clock: ManualClock = manualClock(T0);
    server = await startServer({ clock, waits: options.waits });
    const store = new Store('octocat');
    const registry = store.tokens;
    const tokens = new UserTokens(clock, registry);
    const flow = new DeviceFlow({ clock, waits: server.waits, tokens, apps: [{ clientId: CLIENT_ID, deviceFlow: options.deviceFlow }] });
    server.use(tokens.handler);
    server.use(flow.handler);
    server.use(createRestApi({ store }));
    const post = async (path: string, body: Record<string, string>): Promise<[number, OAuthAnswer]> => {
      const res = await fetch(`${server!.url}${path}`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      });
      return [res.status, (await res.json()) as OAuthAnswer];
    };
    const code = () => post('/login/device/code', { client_id: CLIENT_ID });
    const poll = (deviceCode: string) => post('/login/oauth/access_token', { client_id: CLIENT_ID, device_code: deviceCode, grant_type: DEVICE_GRANT });
    // REST GET /user: who the token acts as.
    const whoAmI = async (token: string) => {
      const res = await fetch(`${server!.url}/api/v3/user`, { headers: { authorization: `Bearer ${token}` } });
      return [res.status, ((await res.json()) as { login?: string }).login];
    };
    return { clock, flow, tokens, registry, post, code, poll, whoAmI };
  }

  it('completes after two authorization_pending and one slow_down, with GitHub’s intervals', async () => {
    const { clock, flow, registry, code, poll, whoAmI } = await start();
    const [status, device] = await code();
    expect(status).toBe(200);
    expect(device).toMatchObject({ verification_uri: 'https://github.com/login/device', expires_in: 900, interval: 5 });
    expect(device.user_code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const errors: (string | undefined)[] = [];
    clock.advance(5_000);
    errors.push((await poll(device.device_code!))[1].error);
    clock.advance(5_000);
    errors.push((await poll(device.device_code!))[1].error);
    clock.advance(2_000); // too early: GitHub adds 5 s to the interval
    const [, slow] = await poll(device.device_code!);
    errors.push(slow.error);
    expect(errors).toEqual(['authorization_pending', 'authorization_pending', 'slow_down']);
    expect(slow.interval).toBe(10);

    flow.approve(device.user_code!, 'mona');
    clock.advance(9_000); // still inside the raised interval
    expect((await poll(device.device_code!))[1]).toMatchObject({ error: 'slow_down', interval: 15 });
    clock.advance(15_000);
    const [, token] = await poll(device.device_code!);
    expect(token).toMatchObject({ expires_in: 28800, refresh_token_expires_in: 15811200, token_type: 'bearer', scope: '' });
    expect(token.access_token).toMatch(/^ghu_[A-Za-z0-9]{36}$/);
    expect(token.refresh_token).toMatch(/^ghr_[A-Za-z0-9]+$/);
    expect(await whoAmI(token.access_token!)).toEqual([200, 'mona']);
    expect(registry.resolve(`token ${token.access_token}`)?.record).toEqual({ kind: 'app-user', permissions: APP_PERMISSIONS, login: 'mona' });
    expect((await poll(device.device_code!))[1].error).toBe('incorrect_device_code');
  });

  it('with waits at zero asks for no interval and never slows the client down', async () => {
    const { flow, code, poll } = await start({ waits: zeroWaits });
    const [, device] = await code();
    expect(device.interval).toBe(0);
    const answers = [(await poll(device.device_code!))[1], (await poll(device.device_code!))[1]];
    expect(answers.map((a) => a.error)).toEqual(['authorization_pending', 'authorization_pending']);
    flow.approve(device.user_code!, 'mona');
    expect((await poll(device.device_code!))[1].access_token).toMatch(/^ghu_/);
  });

  it('answers access_denied when the user cancels and expired_token after 15 minutes', async () => {
    const { clock, flow, code, poll } = await start({ waits: zeroWaits });
    const [, denied] = await code();
    flow.deny(denied.user_code!);
    expect((await poll(denied.device_code!))[1]).toMatchObject({ error: 'access_denied', error_description: 'The authorization request was denied.' });
    const [, late] = await code();
    clock.advance(899_999);
    expect((await poll(late.device_code!))[1].error).toBe('authorization_pending');
    clock.advance(1);
    expect((await poll(late.device_code!))[1].error).toBe('expired_token');
  });

  it('answers device_flow_disabled when the app has not enabled it', async () => {
    const { code, post } = await start({ deviceFlow: false });
    expect(await code()).toEqual([400, { error: 'device_flow_disabled', error_description: 'Device Flow must be explicitly enabled for this App' }]);
    expect(await post('/login/device/code', { client_id: 'Iv23liNoSuchApp' })).toEqual([404, { error: 'Not Found' }]);
  });

  it('answers device_flow_disabled to polls once the app turns it off', async () => {
    const { flow, code, poll } = await start({ waits: zeroWaits });
    const [, device] = await code();
    flow.setDeviceFlow(CLIENT_ID, false);
    expect((await poll(device.device_code!))[1].error).toBe('device_flow_disabled');
  });

  it('can be driven over the control API: approval, then expiry of the user’s tokens', async () => {
    const { code, poll, whoAmI } = await start({ waits: zeroWaits });
    const [, device] = await code();
    const control = (path: string, body: object) => fetch(`${server!.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await control('/_fake/device/approve', { user_code: 'NOPE-NOPE', login: 'mona' })).status).toBe(404);
    expect((await control('/_fake/device/approve', { user_code: device.user_code, login: 'mona' })).status).toBe(204);
    const [, token] = await poll(device.device_code!);
    expect(await whoAmI(token.access_token!)).toEqual([200, 'mona']);
    expect(await (await control('/_fake/tokens/expire', { login: 'mona' })).json()).toEqual({ expired: 1 });
    expect((await whoAmI(token.access_token!))[0]).toBe(401);
    expect(server!.log.map((r) => r.path)).not.toContain('/_fake/device/approve');
  });

  it('answers form-encoded unless JSON is asked for', async () => {
    await start();
    const res = await fetch(`${server!.url}/login/device/code`, { method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID }) });
    const form = new URLSearchParams(await res.text());
    expect([form.get('expires_in'), form.get('interval'), form.get('verification_uri')]).toEqual(['900', '5', 'https://github.com/login/device']);
  });
});

describe('expiring user tokens', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('a refresh yields a new access token and uses up the refresh token; an expired one answers 401', async () => {
    const clock = manualClock(T0);
    server = await startServer({ clock });
    const store = new Store('octocat');
    const registry = store.tokens;
    const tokens = new UserTokens(clock, registry);
    const flow = new DeviceFlow({ clock, waits: server.waits, tokens, apps: [{ clientId: CLIENT_ID }] });
    server.use(tokens.handler);
    server.use(flow.handler);
    server.use(createRestApi({ store }));
    server.use(graphqlHandler(store));
    const first = tokens.issue('mona', CLIENT_ID);
    const api = (token: string) => fetch(`${server!.url}/api/v3/user`, { headers: { authorization: `token ${token}` } });
    const viewer = (token: string) =>
      fetch(`${server!.url}/api/graphql`, {
        method: 'POST',
        headers: { authorization: `bearer ${token}` },
        body: JSON.stringify({ query: 'query { viewer { login } }' }),
      });
    const refresh = async (refreshToken: string) => {
      const res = await fetch(`${server!.url}/login/oauth/access_token`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ client_id: CLIENT_ID, grant_type: 'refresh_token', refresh_token: refreshToken }),
      });
      return (await res.json()) as OAuthAnswer;
    };

    clock.advance(8 * 3600_000 - 1);
    expect((await api(first.access_token)).status).toBe(200);
    expect(await (await viewer(first.access_token)).json()).toEqual({ data: { viewer: { login: 'mona' } } });
    clock.advance(1);
    const expired = await api(first.access_token);
    expect([expired.status, await expired.json()]).toEqual([
      401,
      { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
    ]);
    const graphql = await viewer(first.access_token);
    expect([graphql.status, ((await graphql.json()) as { documentation_url: string }).documentation_url]).toEqual([401, 'https://docs.github.com/graphql']);
    expect(registry.resolve(`token ${first.access_token}`)?.record.kind).toBe('expired');

    const second = await refresh(first.refresh_token);
    expect(second).toMatchObject({ expires_in: 28800, refresh_token_expires_in: 15811200, token_type: 'bearer' });
    expect(second.access_token).toMatch(/^ghu_/);
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(((await (await api(second.access_token!)).json()) as { login: string }).login).toBe('mona');
    expect(await refresh(first.refresh_token)).toMatchObject({ error: 'bad_refresh_token' });
  });
});
