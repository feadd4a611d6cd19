import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './app';
import { DEVICE_GRANT } from './auth/device-flow';
import { manualClock } from './clock';
import { DvcRemoteStore } from './dvc/remote-store';

const CLIENT_ID = 'Iv23liFakeCommitLab01';
const BAR = '37b51d194a7513e45b56f6524f2d51f2'; // md5("bar")

describe('the assembled fake', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => fake?.close());

  it('signs in through the device flow, serves a DVC remote, and guards the S3 endpoint', async () => {
    const remote = new DvcRemoteStore();
    remote.put(`files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`, new TextEncoder().encode('bar'));
    fake = await startFakeGitHub({
      waits: { deviceIntervalSeconds: 0 },
      deviceApps: [{ clientId: CLIENT_ID }],
      dvcRemotes: { main: remote },
      s3: { buckets: { data: { prefix: '', store: remote } }, credentials: [{ accessKeyId: 'AKIAFAKE', secretAccessKey: 's' }] },
    });
    const post = async (path: string, body: Record<string, string>) =>
      (await (
        await fetch(`${fake!.url}${path}`, { method: 'POST', headers: { accept: 'application/json' }, body: new URLSearchParams(body) })
      ).json()) as Record<string, string>;

    const device = await post('/login/device/code', { client_id: CLIENT_ID });
    await fetch(`${fake.url}/_fake/device/approve`, { method: 'POST', body: JSON.stringify({ user_code: device.user_code, login: 'mona' }) });
    const token = await post('/login/oauth/access_token', { client_id: CLIENT_ID, device_code: device.device_code!, grant_type: DEVICE_GRANT });
    const viewer = await fetch(`${fake.url}/api/graphql`, {
      method: 'POST',
      headers: { authorization: `bearer ${token.access_token}` },
      body: JSON.stringify({ query: 'query { viewer { login } }' }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { login: 'mona' } } });

    expect(await (await fetch(`${fake.url}/_dvc/main/files/md5/37/b51d194a7513e45b56f6524f2d51f2`)).text()).toBe('bar');
    const anonymous = await fetch(`${fake.url}/_s3/data/files/md5/37/b51d194a7513e45b56f6524f2d51f2`);
    expect([anonymous.status, /<Code>(\w+)<\/Code>/.exec(await anonymous.text())?.[1]]).toEqual([403, 'AccessDenied']);
  });

  it("keeps REST and GraphQL rate-limit windows on the fake's clock: reset is an hour ahead, and passing it empties the bucket", async () => {
    const start = Date.parse('2030-01-01T00:00:00Z'); // far from the wall clock, so a Date.now() window would show
    const clock = manualClock(start);
    fake = await startFakeGitHub({ clock });
    const rest = () => fetch(`${fake!.url}/api/v3/user`, { headers: { authorization: 'token t' } });
    const graphql = () =>
      fetch(`${fake!.url}/api/graphql`, { method: 'POST', headers: { authorization: 'token t' }, body: JSON.stringify({ query: '{ viewer { login } }' }) });
    const window = (res: Response) => [res.headers.get('x-ratelimit-used'), res.headers.get('x-ratelimit-reset')];
    const hourLater = String(start / 1000 + 3600); // documented: the window resets an hour after it opened
    expect(window(await rest())).toEqual(['1', hourLater]);
    expect(window(await graphql())).toEqual(['1', hourLater]);
    clock.advance(3600 * 1000);
    expect(window(await rest())).toEqual(['1', String(start / 1000 + 7200)]);
    expect(window(await graphql())).toEqual(['1', String(start / 1000 + 7200)]);
  });
});
