import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpRemotes } from '../../tests/fake-github/dvc/http-remote';
import { DvcRemoteStore } from '../../tests/fake-github/dvc/remote-store';
import { s3Endpoint } from '../../tests/fake-github/s3/endpoint';
import { startServer, type FakeServer } from '../../tests/fake-github/server';
import type { RemoteCredential } from './credentials';
import type { RemoteFailure } from './errors';
import { failureOf } from './failure-of.test-helper';
import { putObject } from './put-object';
import type { RemoteTarget } from './target';

// The md5 that names each object comes from Node's own crypto, not from our hasher.
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');
const bytes = (text: string) => new TextEncoder().encode(text);
const KEY = 'AKIAFAKEMINIO0000002';
const SECRET = 'minio-secret-0000000000000000000000002';
const READER = 'AKIAFAKEREADONLY0001';

let server: FakeServer;
const s3Store = new DvcRemoteStore();
const httpStore = new DvcRemoteStore();

beforeAll(async () => {
  server = await startServer();
  server.use(httpRemotes({ open: httpStore }));
  server.use(
    s3Endpoint({
      buckets: { 'field-data-flows': { prefix: 'delta-data-control', store: s3Store } },
      credentials: [
        { accessKeyId: KEY, secretAccessKey: SECRET },
        { accessKeyId: READER, secretAccessKey: SECRET, write: false },
      ],
      clock: server.clock,
    }),
  );
});
afterAll(() => server.close());
beforeEach(() => server.log.splice(0));

const address = (hash: string) => `files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`;
const s3 = (path: string): RemoteTarget => ({
  kind: 's3',
  url: `${server.url}/_s3/field-data-flows/delta-data-control/${path}`,
  s3Url: `s3://field-data-flows/delta-data-control/${path}`,
  region: 'us-east-1',
});
const s3Key = (secret = SECRET, id = KEY): RemoteCredential => ({
  kind: 's3',
  url: 's3://field-data-flows/delta-data-control',
  endpoint: `${server.url}/_s3`,
  accessKeyId: id,
  secretAccessKey: secret,
});
const http = (path: string): RemoteTarget => ({ kind: 'http', url: `${server.url}/_dvc/open/${path}` });
const put = (target: RemoteTarget, body: Uint8Array, hash: string, credentials: RemoteCredential[] = []) =>
  putObject(target, body, { fetch, credentials }, { md5: hash });
const failure = failureOf;
const methods = () => server.log.map((r) => `${r.method} ${r.status}`);

describe('putObject to an S3-compatible remote', () => {
  it('stores a signed PUT at the object’s key, signed over its SHA-256', async () => {
    const body = bytes('sepal,petal\n5.1,3.5\n');
    const hash = md5(body);
    expect(await put(s3(address(hash)), body, hash, [s3Key()])).toBe('uploaded');
    expect(s3Store.get(address(hash))).toEqual(body);
    expect(methods()).toEqual(['HEAD 404', 'PUT 200']);
    const sent = server.log[1]!.headers;
    expect(sent['x-amz-content-sha256']).toBe(createHash('sha256').update(body).digest('hex'));
    expect(sent['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFAKEMINIO0000002\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=.*x-amz-content-sha256/,
    );
  });

  it('stores a `.dir` manifest at its key with the suffix, its Content-MD5 the manifest bytes’ md5', async () => {
    const body = bytes('[{"md5": "37b51d194a7513e45b56f6524f2d51f2", "relpath": "bar"}]');
    const hash = `${md5(body)}.dir`;
    expect(await put(s3(address(hash)), body, hash, [s3Key()])).toBe('uploaded');
    expect(s3Store.get(address(hash))).toEqual(body);
    expect(server.log[1]!.headers['content-md5']).toBe(createHash('md5').update(body).digest('base64'));
  });

  it('skips the upload when the remote has the object (HEAD first)', async () => {
    const body = bytes('already there');
    const hash = md5(body);
    s3Store.put(address(hash), body);
    expect(await put(s3(address(hash)), body, hash, [s3Key()])).toBe('present');
    expect(methods()).toEqual(['HEAD 200']);
  });

  it('is refused with a wrong secret, and stores nothing', async () => {
    const body = bytes('wrong secret');
    const hash = md5(body);
    expect(await failure(put(s3(address(hash)), body, hash, [s3Key('not-the-secret')]))).toMatchObject<Partial<RemoteFailure>>({
      kind: 'refused',
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(s3Store.get(address(hash))).toBeUndefined();
  });

  it('is refused for a read-only key', async () => {
    const body = bytes('read only');
    const hash = md5(body);
    expect(await failure(put(s3(address(hash)), body, hash, [s3Key(SECRET, READER)]))).toMatchObject({ kind: 'refused', status: 403, code: 'AccessDenied' });
    expect(s3Store.get(address(hash))).toBeUndefined();
  });

  it('says credentials are missing when none is configured', async () => {
    const body = bytes('no key');
    const hash = md5(body);
    expect(await failure(put(s3(address(hash)), body, hash))).toMatchObject({ kind: 'credentials', status: 403 });
  });

  it('is refused when the bytes do not match the key', async () => {
    const body = bytes('these bytes');
    const other = md5(bytes('other bytes'));
    // Content-MD5 claims the key's md5: S3 itself refuses the body.
    expect(await failure(put(s3(address(other)), body, other, [s3Key()]))).toMatchObject({ kind: 'refused', code: 'BadDigest' });
    // An honest Content-MD5 at the wrong key: the remote refuses what DVC would never write.
    expect(await failure(put(s3(address(other)), body, md5(body), [s3Key()]))).toMatchObject({ kind: 'refused', code: 'BadDigest' });
    expect(s3Store.get(address(other))).toBeUndefined();
  });
});

describe('putObject to an HTTP remote', () => {
  it('PUTs the object at its address, and skips it the second time', async () => {
    const body = bytes('label\n1\n0\n');
    const hash = md5(body);
    expect(await put(http(address(hash)), body, hash)).toBe('uploaded');
    expect(httpStore.get(address(hash))).toEqual(body);
    expect(await put(http(address(hash)), body, hash)).toBe('present');
    expect(methods()).toEqual(['HEAD 404', 'PUT 200', 'HEAD 200']);
  });

  it('is refused when the bytes do not match the address', async () => {
    const body = bytes('mismatch');
    const other = md5(bytes('something else'));
    expect(await failure(put(http(address(other)), body, other))).toMatchObject({ kind: 'refused', status: 400 });
    expect(httpStore.get(address(other))).toBeUndefined();
  });
});
