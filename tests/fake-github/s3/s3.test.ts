import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { DvcRemoteStore } from '../dvc/remote-store';
import { startServer, type FakeServer } from '../server';
import { s3Endpoint } from './endpoint';
import { canonicalRequest, sha256Hex, signature, stringToSign, verifySigV4 } from './sigv4';

// AWS's documented example credentials and requests, hand-copied from "Signature Calculations
// for the Authorization Header: Transferring Payload in a Single Chunk" and "Authenticating
// Requests: Using Query Parameters" (docs.aws.amazon.com/AmazonS3/latest/API/).
const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const MAY_24 = Date.UTC(2013, 4, 24);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const HOST = 'examplebucket.s3.amazonaws.com';
const auth = (signedHeaders: string, sig: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signedHeaders},Signature=${sig}`;

interface Vector {
  name: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  authorization: string;
}

const awsVectors: Vector[] = [
  {
    name: 'GET Object',
    method: 'GET',
    path: '/test.txt',
    query: '',
    headers: { host: HOST, range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' },
    authorization: auth('host;range;x-amz-content-sha256;x-amz-date', 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
  },
  {
    name: 'PUT Object (a $ in the key)',
    method: 'PUT',
    path: '/test$file.text',
    query: '',
    headers: {
      host: HOST,
      date: 'Fri, 24 May 2013 00:00:00 GMT',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      'x-amz-date': '20130524T000000Z',
    },
    authorization: auth('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class', '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'),
  },
  {
    name: 'GET Bucket Lifecycle (a query key without value)',
    method: 'GET',
    path: '/',
    query: '?lifecycle',
    headers: { host: HOST, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' },
    authorization: auth('host;x-amz-content-sha256;x-amz-date', 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'),
  },
  {
    name: 'GET Bucket (sorted query)',
    method: 'GET',
    path: '/',
    query: '?prefix=J&max-keys=2',
    headers: { host: HOST, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': '20130524T000000Z' },
    authorization: auth('host;x-amz-content-sha256;x-amz-date', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'),
  },
];

const PRESIGNED_QUERY =
  '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';

const secretOf = (id: string) => (id === AWS_KEY ? AWS_SECRET : undefined);

describe('SigV4 verifier against AWS’s published examples', () => {
  it.each(awsVectors)('accepts $name with its published signature', (v) => {
    const req = { method: v.method, path: v.path, query: v.query, headers: new Headers({ ...v.headers, authorization: v.authorization }) };
    expect(verifySigV4(req, secretOf, 'us-east-1', MAY_24)).toMatchObject({ ok: true, accessKeyId: AWS_KEY });
  });

  it.each(awsVectors)('refuses $name once a signed header changes', (v) => {
    const headers = new Headers({ ...v.headers, authorization: v.authorization, 'x-amz-date': '20130524T000001Z' });
    expect(verifySigV4({ method: v.method, path: v.path, query: v.query, headers }, secretOf, 'us-east-1', MAY_24)).toMatchObject({
      ok: false,
      code: 'SignatureDoesNotMatch',
    });
  });

  it('accepts the presigned GET example until it expires 86400 s later', () => {
    const req = { method: 'GET', path: '/test.txt', query: PRESIGNED_QUERY, headers: new Headers({ host: HOST }) };
    expect(verifySigV4(req, secretOf, 'us-east-1', MAY_24 + 86_400_000)).toMatchObject({ ok: true });
    expect(verifySigV4(req, secretOf, 'us-east-1', MAY_24 + 86_401_000)).toMatchObject({ ok: false, code: 'AccessDenied', message: 'Request has expired' });
    expect(verifySigV4({ ...req, path: '/test2.txt' }, secretOf, 'us-east-1', MAY_24)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses unknown keys, a wrong region and a stale date', () => {
    const v = awsVectors[0]!;
    const req = { method: v.method, path: v.path, query: v.query, headers: new Headers({ ...v.headers, authorization: v.authorization }) };
    expect(verifySigV4(req, () => undefined, 'us-east-1', MAY_24)).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
    expect(verifySigV4(req, secretOf, 'eu-west-1', MAY_24)).toMatchObject({ ok: false, code: 'AuthorizationHeaderMalformed' });
    expect(verifySigV4(req, secretOf, 'us-east-1', MAY_24 + 16 * 60_000)).toMatchObject({ ok: false, code: 'RequestTimeTooSkewed' });
  });
});

// A small client-side signer, as lib/remote will need one; its pieces are pinned by the vectors above.
// `signedBody` lets a test sign for one payload and send another.
function signed(
  method: string,
  url: string,
  key: { id: string; secret: string },
  nowMs: number,
  body = '',
  extra: Record<string, string> = {},
  signedBody = body,
) {
  const u = new URL(url);
  const amzDate = new Date(nowMs).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const payloadHash = sha256Hex(signedBody);
  const headers = new Headers({ host: u.host, 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash, ...extra });
  const signedHeaders = [...headers.keys()].sort();
  const canonical = canonicalRequest({ method, path: u.pathname, query: u.search, headers, signedHeaders, payloadHash });
  const sig = signature(key.secret, scope, stringToSign(amzDate, scope, canonical));
  headers.set('authorization', `AWS4-HMAC-SHA256 Credential=${key.id}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${sig}`);
  headers.delete('host');
  return fetch(url, { method, headers, ...(method === 'PUT' && { body }) });
}

// The same signer's presigned-URL form: what a browser upload without custom headers would use.
function presigned(method: string, url: string, key: { id: string; secret: string }, nowMs: number, expiresSeconds: number): string {
  const u = new URL(url);
  const amzDate = new Date(nowMs).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${key.id}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(expiresSeconds),
    'X-Amz-SignedHeaders': 'host',
  });
  const canonical = canonicalRequest({
    method,
    path: u.pathname,
    query: query.toString(),
    headers: new Headers({ host: u.host }),
    signedHeaders: ['host'],
    payloadHash: 'UNSIGNED-PAYLOAD',
  });
  query.set('X-Amz-Signature', signature(key.secret, scope, stringToSign(amzDate, scope, canonical)));
  return `${url}?${query}`;
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const objectKey = (text: string) => `get-started/files/md5/${md5(text).slice(0, 2)}/${md5(text).slice(2)}`;
const XML_CODE = /<Code>(\w+)<\/Code>/;

describe('S3 endpoint', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());
  const NOW = Date.UTC(2026, 10, 29, 12);
  const writer = { id: 'AKIAFAKEWRITER000001', secret: 'writer-secret' };
  const reader = { id: 'AKIAFAKEREADER000001', secret: 'reader-secret' };

  async function start() {
    const store = new DvcRemoteStore();
    store.put(objectKey('metrics').slice('get-started/'.length), new TextEncoder().encode('metrics'));
    const clock = manualClock(NOW);
    server = await startServer({
      clock,
      handlers: [
        s3Endpoint({
          clock,
          buckets: { 'dvc-data': { prefix: 'get-started', store } },
          credentials: [
            { accessKeyId: writer.id, secretAccessKey: writer.secret },
            { accessKeyId: reader.id, secretAccessKey: reader.secret, write: false },
          ],
        }),
      ],
    });
    return { base: `${server.url}/_s3/dvc-data`, store, clock };
  }

  it('serves a correctly signed GET and stores a correctly signed PUT', async () => {
    const { base } = await start();
    const got = await signed('GET', `${base}/${objectKey('metrics')}`, reader, NOW);
    expect([got.status, await got.text()]).toEqual([200, 'metrics']);
    const put = await signed('PUT', `${base}/${objectKey('new data')}`, writer, NOW, 'new data', {
      'content-md5': createHash('md5').update('new data').digest('base64'),
    });
    expect([put.status, put.headers.get('etag')]).toEqual([200, `"${md5('new data')}"`]);
    expect(await (await signed('GET', `${base}/${objectKey('new data')}`, reader, NOW)).text()).toBe('new data');
  });

  it('serves presigned GETs and PUTs until they expire', async () => {
    const { base, clock } = await start();
    const get = presigned('GET', `${base}/${objectKey('metrics')}`, reader, NOW, 60);
    expect(await (await fetch(get)).text()).toBe('metrics');
    const put = presigned('PUT', `${base}/${objectKey('upload')}`, writer, NOW, 60);
    expect((await fetch(put, { method: 'PUT', body: 'upload' })).status).toBe(200);
    expect(await (await signed('GET', `${base}/${objectKey('upload')}`, reader, NOW)).text()).toBe('upload');
    clock.advance(61_000);
    const late = await fetch(get);
    expect([late.status, XML_CODE.exec(await late.text())?.[1]]).toEqual([403, 'AccessDenied']);
  });

  it('answers SignatureDoesNotMatch to a wrongly signed request', async () => {
    const { base } = await start();
    const res = await signed('GET', `${base}/${objectKey('metrics')}`, { id: reader.id, secret: 'not-the-secret' }, NOW);
    expect(res.status).toBe(403);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>SignatureDoesNotMatch<\/Code>/);
    expect(xml).toContain(
      '<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>',
    );
  });

  it('answers S3’s errors for a missing key, no credentials, unknown key, and a read-only key writing', async () => {
    const { base } = await start();
    const code = async (res: Response) => [res.status, XML_CODE.exec(await res.text())?.[1]];
    expect(await code(await signed('GET', `${base}/${objectKey('absent')}`, reader, NOW))).toEqual([404, 'NoSuchKey']);
    expect(await code(await fetch(`${base}/${objectKey('metrics')}`))).toEqual([403, 'AccessDenied']);
    expect(await code(await signed('GET', `${base}/${objectKey('metrics')}`, { id: 'AKIAUNKNOWN', secret: 'x' }, NOW))).toEqual([403, 'InvalidAccessKeyId']);
    expect(await code(await signed('PUT', `${base}/${objectKey('x')}`, reader, NOW, 'x'))).toEqual([403, 'AccessDenied']);
    expect(await code(await signed('GET', `${server!.url}/_s3/other/${objectKey('metrics')}`, reader, NOW))).toEqual([404, 'NoSuchBucket']);
  });

  it('stores a PUT only when its md5 matches its key and its Content-MD5', async () => {
    const { base, store } = await start();
    const before = store.paths();
    const code = async (res: Response) => [res.status, XML_CODE.exec(await res.text())?.[1]];
    expect(await code(await signed('PUT', `${base}/${objectKey('expected')}`, writer, NOW, 'something else'))).toEqual([400, 'BadDigest']);
    const wrongMd5 = createHash('md5').update('other').digest('base64');
    expect(await code(await signed('PUT', `${base}/${objectKey('data')}`, writer, NOW, 'data', { 'content-md5': wrongMd5 }))).toEqual([400, 'BadDigest']);
    expect(await code(await signed('PUT', `${base}/elsewhere/${md5('data')}`, writer, NOW, 'data'))).toEqual([400, 'BadDigest']);
    expect(store.paths()).toEqual(before);
  });

  it('checks the payload against x-amz-content-sha256', async () => {
    const { base } = await start();
    // Signed for an empty body, sent with a body: the signature holds, the payload hash does not.
    const res = await signed('PUT', `${base}/${objectKey('data')}`, writer, NOW, 'data', {}, '');
    expect([res.status, XML_CODE.exec(await res.text())?.[1]]).toEqual([400, 'XAmzContentSHA256Mismatch']);
  });
});
