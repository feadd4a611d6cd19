import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { ObjectRefused, type DvcRemoteStore } from '../dvc/remote-store';
import type { FakeRequest, Handler } from '../server';
import { sha256Hex, UNSIGNED_PAYLOAD, verifySigV4, type S3AuthError } from './sigv4';

/**
 * An S3-compatible endpoint for DVC remotes of the `endpointurl` kind, path-style under `/_s3`:
 * remote `s3://<bucket>/<prefix>` with `endpointurl = http://127.0.0.1:<port>/_s3`. Every request
 * must carry a valid SigV4 signature from a seeded access key; GET/HEAD read objects, PUT stores
 * one only when it is a DVC object under the bucket's prefix whose name is its hash.
 */
export interface S3Credential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Buckets this key may use (default: all). */
  buckets?: string[];
  /** Whether this key may PUT (default: true). */
  write?: boolean;
}

export interface S3Bucket {
  /** Key prefix of the DVC remote inside the bucket ('' for the bucket root). */
  prefix: string;
  store: DvcRemoteStore;
}

export interface S3Options {
  buckets: Record<string, S3Bucket>;
  credentials: S3Credential[];
  region?: string;
  clock: Clock;
}

type S3ErrorCode = S3AuthError['code'] | 'NoSuchKey' | 'NoSuchBucket' | 'BadDigest' | 'InvalidDigest' | 'XAmzContentSHA256Mismatch' | 'NotImplemented';

const STATUS: Record<S3ErrorCode, number> = {
  AccessDenied: 403,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  RequestTimeTooSkewed: 403,
  AuthorizationHeaderMalformed: 400,
  InvalidRequest: 400,
  BadDigest: 400,
  InvalidDigest: 400,
  XAmzContentSHA256Mismatch: 400,
  NoSuchKey: 404,
  NoSuchBucket: 404,
  NotImplemented: 501,
};

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** S3's XML error document; HEAD answers carry none. */
export function s3Error(method: string, code: S3ErrorCode, message: string, details: Record<string, string> = {}): Response {
  const extra = Object.entries(details)
    .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
    .join('');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message>${extra}<RequestId>FAKE0000000000000</RequestId><HostId>fake-github</HostId></Error>`;
  return new Response(method === 'HEAD' ? null : body, { status: STATUS[code], headers: { 'content-type': 'application/xml' } });
}

/** Where a bucket key lives in the DVC remote: below the bucket's prefix, or nowhere. */
function remotePath(bucket: S3Bucket, key: string): string | undefined {
  if (!bucket.prefix) return key;
  return key.startsWith(`${bucket.prefix}/`) ? key.slice(bucket.prefix.length + 1) : undefined;
}

const etag = (bytes: Uint8Array) => `"${createHash('md5').update(bytes).digest('hex')}"`;

function put(req: FakeRequest, bucket: S3Bucket, key: string, payloadHash: string): Response {
  const body = req.body;
  if (payloadHash !== UNSIGNED_PAYLOAD && payloadHash !== sha256Hex(body)) {
    return s3Error('PUT', 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
      ClientComputedContentSHA256: payloadHash,
      S3ComputedContentSHA256: sha256Hex(body),
    });
  }
  const contentMd5 = req.headers.get('content-md5');
  if (contentMd5 !== null) {
    if (!/^[A-Za-z0-9+/]{22}==$/.test(contentMd5)) return s3Error('PUT', 'InvalidDigest', 'The Content-MD5 you specified is not valid.');
    if (contentMd5 !== createHash('md5').update(body).digest('base64'))
      return s3Error('PUT', 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
  }
  const path = remotePath(bucket, key);
  try {
    if (path === undefined) throw new ObjectRefused(key, undefined, `outside the DVC remote prefix ${bucket.prefix}/`);
    bucket.store.put(path, body);
  } catch (error) {
    // Real S3 stores anything; this remote refuses what DVC would never write, so a bad upload is caught here.
    if (error instanceof ObjectRefused) return s3Error('PUT', 'BadDigest', `Not stored: ${error.message}`, { Key: key });
    throw error;
  }
  return new Response(null, { status: 200, headers: { etag: etag(body) } });
}

export function s3Endpoint(options: S3Options): Handler {
  const region = options.region ?? 'us-east-1';
  const secretOf = (id: string) => options.credentials.find((c) => c.accessKeyId === id)?.secretAccessKey;
  return (req) => {
    const m = /^\/_s3\/([^/]+)(?:\/(.*))?$/.exec(req.url.pathname);
    if (!m) return undefined;
    const verdict = verifySigV4(
      { method: req.method, path: req.url.pathname, query: req.url.search, headers: req.headers },
      secretOf,
      region,
      options.clock.now(),
    );
    if (!verdict.ok) return s3Error(req.method, verdict.code, verdict.message, verdict.details);

    const bucketName = decodeURIComponent(m[1]!);
    const key = decodeURIComponent(m[2] ?? '');
    const bucket = options.buckets[bucketName];
    if (!bucket) return s3Error(req.method, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucketName });
    const credential = options.credentials.find((c) => c.accessKeyId === verdict.accessKeyId)!;
    const writing = req.method === 'PUT';
    if ((credential.buckets && !credential.buckets.includes(bucketName)) || (writing && credential.write === false)) {
      return s3Error(req.method, 'AccessDenied', 'Access Denied');
    }
    if (
      !key ||
      req.url.search
        .replace(/^\?/, '')
        .split('&')
        .some((p) => p && !p.startsWith('X-Amz-'))
    ) {
      return s3Error(req.method, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
    }
    if (writing) return put(req, bucket, key, verdict.payloadHash);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return s3Error(req.method, 'NotImplemented', 'A header you provided implies functionality that is not implemented');
    const inRemote = remotePath(bucket, key);
    const bytes = inRemote === undefined ? undefined : bucket.store.get(inRemote);
    if (!bytes) return s3Error(req.method, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
    const headers = { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length), etag: etag(bytes) };
    return new Response(req.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
  };
}
