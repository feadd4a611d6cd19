import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DvcRemoteStore } from '../../tests/fake-github/dvc/remote-store';
import { httpRemotes } from '../../tests/fake-github/dvc/http-remote';
import { s3Endpoint } from '../../tests/fake-github/s3/endpoint';
import { startServer, type FakeServer } from '../../tests/fake-github/server';
import type { RemoteCredential } from './credentials';
import { RemoteError, type RemoteFailure } from './errors';
import { fetchObject, type RemoteTarget } from './fetch-object';

// md5("bar") and md5("foo"), from dvc-data's test vector (reference §2.5).
const BAR = '37b51d194a7513e45b56f6524f2d51f2';
const FOO = 'acbd18db4cc2f85cedef654fccc4a4d8';
const KEY = 'AKIAFAKEMINIO0000001';
const SECRET = 'minio-secret-0000000000000000000000000';
const bytes = (text: string) => new TextEncoder().encode(text);

let server: FakeServer;
const store = new DvcRemoteStore();
store.put(`files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`, bytes('bar'));
store.put(`${FOO.slice(0, 2)}/${FOO.slice(2)}`, bytes('foo'));

// A remote behind basic auth or a custom header, as DVC's `auth = basic` / `custom_auth_header`:
// the fake's HTTP remote itself is open, so this guard plays the server's side.
function guarded(prefix: string, header: string, expected: string) {
  return (req: { path: string; headers: Headers }) =>
    req.path.startsWith(prefix) && req.headers.get(header) !== expected ? new Response('Unauthorized', { status: 401 }) : undefined;
}

beforeAll(async () => {
  server = await startServer();
  server.use(guarded('/_dvc/basic/', 'authorization', `Basic ${btoa('ann:pässword'.replace('ä', '\xc3\xa4'))}`));
  server.use(guarded('/_dvc/header/', 'x-remote-token', 'tok-123'));
  server.use(httpRemotes({ open: store, basic: store, header: store }));
  server.use(
    s3Endpoint({
      buckets: { 'field-data-flows': { prefix: 'delta-data-control', store } },
      credentials: [{ accessKeyId: KEY, secretAccessKey: SECRET }],
      clock: server.clock,
    }),
  );
});
afterAll(() => server.close());
beforeEach(() => server.log.splice(0));

const http = (remote: string, path: string): RemoteTarget => ({ kind: 'http', url: `${server.url}/_dvc/${remote}/${path}` });
const s3 = (path: string): RemoteTarget => ({
  kind: 's3',
  url: `${server.url}/_s3/field-data-flows/delta-data-control/${path}`,
  s3Url: `s3://field-data-flows/delta-data-control/${path}`,
  region: 'us-east-1',
});
const s3Key = (secret = SECRET): RemoteCredential => ({
  kind: 's3',
  url: 's3://field-data-flows/delta-data-control',
  endpoint: `${server.url}/_s3`,
  accessKeyId: KEY,
  secretAccessKey: secret,
});
const read = (target: RemoteTarget, credentials: RemoteCredential[] = []) => fetchObject(target, { fetch, credentials });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a RemoteError');
    },
    (error: unknown) => {
      if (!(error instanceof RemoteError)) throw error;
      return error.failure;
    },
  );
const text = async (promise: Promise<Uint8Array>) => new TextDecoder().decode(await promise);

describe('fetchObject over HTTP(S)', () => {
  it('reads 3.x and 2.x addresses of an open remote', async () => {
    expect(await text(read(http('open', `files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`)))).toBe('bar');
    expect(await text(read(http('open', `${FOO.slice(0, 2)}/${FOO.slice(2)}`)))).toBe('foo');
  });

  it('says an object is missing on 404', async () => {
    const target = http('open', `files/md5/${FOO.slice(0, 2)}/${FOO.slice(2)}`);
    expect(await failure(read(target))).toEqual<RemoteFailure>({ kind: 'missing', url: target.url });
  });

  it('sends basic auth (UTF-8) and a custom header, each only to its own remote', async () => {
    const path = `files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`;
    const credentials: RemoteCredential[] = [
      { kind: 'basic', url: `${server.url}/_dvc/basic`, user: 'ann', password: 'pässword' },
      { kind: 'header', url: `${server.url}/_dvc/header`, name: 'x-remote-token', value: 'tok-123' },
    ];
    expect(await text(read(http('basic', path), credentials))).toBe('bar');
    expect(await text(read(http('header', path), credentials))).toBe('bar');
    expect(await text(read(http('open', path), credentials))).toBe('bar');
    const [basic, header, open] = server.log;
    expect(basic?.headers.authorization).toMatch(/^Basic /);
    expect(basic?.headers['x-remote-token']).toBeUndefined();
    expect(header?.headers['x-remote-token']).toBe('tok-123');
    expect(header?.headers.authorization).toBeUndefined();
    expect(open?.headers.authorization).toBeUndefined();
    expect(open?.headers['x-remote-token']).toBeUndefined();
  });

  it('asks for credentials when a remote answers 401 to a request without them', async () => {
    const failed = await failure(read(http('basic', `files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`)));
    expect(failed).toEqual<RemoteFailure>({ kind: 'credentials', host: new URL(server.url).host, status: 401 });
  });

  it('reports a refused request with credentials as refused, not as missing credentials', async () => {
    const wrong: RemoteCredential[] = [{ kind: 'header', url: `${server.url}/_dvc/header`, name: 'x-remote-token', value: 'stale' }];
    const failed = await failure(read(http('header', `files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`), wrong));
    expect(failed).toMatchObject({ kind: 'refused', status: 401 });
  });

  it('turns a connection that never answers into a network failure', async () => {
    const failed = await failure(fetchObject({ kind: 'http', url: 'http://127.0.0.1:1/x' }, { fetch, credentials: [] }));
    expect(failed).toMatchObject({ kind: 'network', host: '127.0.0.1:1' });
  });
});

describe('fetchObject from an S3-compatible endpoint (SigV4 by aws4fetch)', () => {
  const path = `files/md5/${BAR.slice(0, 2)}/${BAR.slice(2)}`;

  it('reads an object with a signed GET', async () => {
    expect(await text(read(s3(path), [s3Key()]))).toBe('bar');
    expect(server.log[0]?.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY}/\\d{8}/us-east-1/s3/aws4_request`));
    expect(JSON.stringify(server.log)).not.toContain(SECRET);
  });

  it('gives S3’s own error code and message for a wrong secret', async () => {
    const failed = await failure(read(s3(path), [s3Key('not-the-secret')]));
    expect(failed).toMatchObject({
      kind: 'refused',
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    });
  });

  it('says credentials are missing when an unsigned GET is refused', async () => {
    expect(await failure(read(s3(path)))).toMatchObject({ kind: 'credentials', status: 403 });
  });

  it('maps NoSuchKey to a missing object', async () => {
    const target = s3(`files/md5/${FOO.slice(0, 2)}/${FOO.slice(2)}`);
    expect(await failure(read(target, [s3Key()]))).toEqual<RemoteFailure>({ kind: 'missing', url: target.url });
  });

  it('never signs for a host the credential was not entered for', async () => {
    // The same bucket name, but the repository's config points the endpoint at another host.
    const elsewhere: RemoteTarget = { ...s3(path), url: `${server.url.replace('127.0.0.1', 'localhost')}/_s3/field-data-flows/delta-data-control/${path}` };
    expect(await failure(read(elsewhere, [s3Key()]))).toMatchObject({ kind: 'credentials' });
    expect(server.log[0]?.headers.authorization).toBeUndefined();
  });
});
