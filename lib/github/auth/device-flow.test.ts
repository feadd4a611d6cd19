import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import type { DeviceApp } from '../../../tests/fake-github/auth/device-flow';
import { manualClock } from '../../../tests/fake-github/clock';
import { pollDeviceFlow, startDeviceFlow } from './device-flow';
import { endpointsOf } from '../host';
import { OAuthError, refreshTokens } from './oauth';
import { sleepingOn } from '../testing/fake-clock';

const CLIENT_ID = 'Iv23liCommitLab';
const T0 = Date.UTC(2026, 0, 5, 9);
let fake: FakeGitHub | undefined;
afterEach(async () => fake?.close());

/** The fake as a GitHub Enterprise Server on 127.0.0.1: the OAuth endpoints at its `/login/...`. */
async function start(apps: DeviceApp[] = [{ clientId: CLIENT_ID }]) {
  const time = manualClock(T0);
  fake = await startFakeGitHub({ clock: time, deviceApps: apps });
  return { time, endpoints: endpointsOf(fake.url) };
}

/** `fetch` that notes the OAuth `error` (or `token`) of every answer from the token endpoint. */
function answersNoted() {
  const answers: string[] = [];
  const noting = async (input: string, init: RequestInit) => {
    const response = await fetch(input, init);
    if (input.endsWith('/login/oauth/access_token')) {
      const body = (await response.clone().json()) as { error?: string; interval?: number };
      answers.push(body.error ? `${body.error}${body.interval ? ` ${body.interval}` : ''}` : 'token');
    }
    return response;
  };
  return { answers, fetch: noting };
}

describe('the device flow against the fake GitHub, on a manual clock', () => {
  it('waits out two authorization_pending and a slow_down (interval raised by 5 s), then gets the approved token', async () => {
    const { time, endpoints } = await start();
    let userCode = '';
    // The third timer fires a second early, so GitHub sees a poll inside the interval: slow_down.
    const { clock, sleeps } = sleepingOn(time, (ms, n) => {
      if (n === 3) return ms - 1000;
      if (n === 4) fake!.deviceFlow.approve(userCode, 'mona');
    });
    const noted = answersNoted();
    const code = await startDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID);
    userCode = code.userCode;
    expect(code).toMatchObject({ verificationUri: 'https://github.com/login/device', interval: 5, expiresAt: T0 + 900_000 });
    expect(code.userCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const tokens = await pollDeviceFlow({ fetch: noted.fetch, clock }, endpoints, CLIENT_ID, code);
    expect(noted.answers).toEqual(['authorization_pending', 'authorization_pending', 'slow_down 10', 'token']);
    expect(sleeps).toEqual([5000, 5000, 5000, 10_000]);
    expect(tokens.accessToken).toMatch(/^ghu_/);
    expect(tokens.refreshToken).toMatch(/^ghr_/);
    expect(tokens.expiresAt).toBe(time.now() + 8 * 3600_000);
    const user = await fetch(`${endpoints.api.rest}/user`, { headers: { authorization: `token ${tokens.accessToken}` } });
    expect(((await user.json()) as { login: string }).login).toBe('mona');
  });

  it('says access_denied in words when the user cancels', async () => {
    const { time, endpoints } = await start();
    let userCode = '';
    const { clock } = sleepingOn(time, (_ms, n) => void (n === 2 && fake!.deviceFlow.deny(userCode)));
    const code = await startDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID);
    userCode = code.userCode;
    const denied = pollDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID, code);
    await expect(denied).rejects.toThrow(OAuthError);
    await expect(denied).rejects.toMatchObject({ code: 'access_denied', message: 'Sign-in was cancelled on GitHub.' });
  });

  it('says expired_token when nobody enters the code within its 15 minutes', async () => {
    const { time, endpoints } = await start();
    const { clock, sleeps } = sleepingOn(time);
    const code = await startDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID);
    await expect(pollDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID, code)).rejects.toMatchObject({
      code: 'expired_token',
      message: expect.stringMatching(/expired before it was entered/),
    });
    // 900 s at 5 s a poll: the 180th poll lands at the expiry.
    expect(sleeps).toHaveLength(180);
  });

  it('says so when the app has the device flow turned off, or GitHub knows no such app', async () => {
    const { time, endpoints } = await start([{ clientId: CLIENT_ID, deviceFlow: false }]);
    const { clock } = sleepingOn(time);
    await expect(startDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID)).rejects.toMatchObject({
      code: 'device_flow_disabled',
      message: /Enable Device Flow/,
    });
    await expect(startDeviceFlow({ fetch, clock }, endpoints, 'Iv23liNoSuchApp')).rejects.toMatchObject({
      message: 'GitHub knows no app with this client id.',
    });
  });

  it('posts plain forms asking for JSON, with no client secret, to the OAuth host', async () => {
    const { time, endpoints } = await start();
    const { clock } = sleepingOn(time);
    await startDeviceFlow({ fetch, clock }, endpoints, CLIENT_ID);
    const [request] = fake!.server.log;
    expect(request).toMatchObject({ method: 'POST', site: 'web', path: '/login/device/code' });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('a refresh token is good once: the second use is refused', async () => {
    const { time, endpoints } = await start();
    const first = fake!.userTokens.issue('mona', CLIENT_ID);
    time.advance(8 * 3600_000);
    const second = await refreshTokens({ fetch, clock: time }, endpoints.accessToken, CLIENT_ID, first.refresh_token);
    expect(second.accessToken).toMatch(/^ghu_/);
    expect(second.accessToken).not.toBe(first.access_token);
    await expect(refreshTokens({ fetch, clock: time }, endpoints.accessToken, CLIENT_ID, first.refresh_token)).rejects.toMatchObject({
      code: 'bad_refresh_token',
    });
  });
});
