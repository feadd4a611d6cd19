import { AwsClient } from 'aws4fetch';
import { credentialFor, type RemoteCredential } from './credentials';
import { RemoteError } from './errors';
import { parseS3Error } from './s3-error';

/**
 * Where one object is, as far as the transport cares. `lib/dvc`'s `RemoteObject` is one: this
 * module does not know DVC's layouts, only how to GET a URL from an HTTP(S) or S3-compatible server.
 */
export type RemoteTarget =
  | { kind: 'http'; url: string }
  | {
      kind: 's3';
      /** The HTTPS request URL (path-style under `endpointurl`, or AWS's). */
      url: string;
      /** The object as DVC names it, `s3://bucket/key`: what credentials are matched against. */
      s3Url: string;
      region?: string;
    };

export interface FetchContext {
  fetch: typeof fetch;
  credentials: readonly RemoteCredential[];
}

/** boto's (and so DVC's) region when the remote names none. */
const DEFAULT_REGION = 'us-east-1';

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

async function request(target: RemoteTarget, context: FetchContext): Promise<{ response: Response; signed: boolean }> {
  const dvcUrl = target.kind === 's3' ? target.s3Url : target.url;
  const credential = credentialFor(context.credentials, dvcUrl, target.url);
  // `credentials: 'omit'`: a remote's cookies are not ours to send; `cache: 'no-store'`: the
  // object cache by md5 is the cache, and a browser cache entry would outlive a removed credential.
  const init: RequestInit = { method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'error' };
  if (!credential) return { response: await context.fetch(target.url, init), signed: false };
  if (credential.kind === 's3') {
    if (target.kind !== 's3') throw new Error('an S3 credential matched a non-S3 remote');
    const client = new AwsClient({
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      ...(credential.sessionToken ? { sessionToken: credential.sessionToken } : {}),
      service: 's3',
      region: target.region ?? DEFAULT_REGION,
      retries: 0,
    });
    const signed = await client.sign(target.url, init);
    return { response: await context.fetch(signed), signed: true };
  }
  const headers =
    credential.kind === 'basic' ? { authorization: `Basic ${base64(`${credential.user}:${credential.password}`)}` } : { [credential.name]: credential.value };
  return { response: await context.fetch(target.url, { ...init, headers }), signed: true };
}

/**
 * GETs one object. Credentials configured for this remote go only into this request's signature
 * or headers, and only when it goes to their host (`credentialFor`). Redirects are refused rather
 * than followed, since a followed redirect would carry a custom auth header to wherever it points.
 * Throws `RemoteError` for every failure a user can meet.
 */
export async function fetchObject(target: RemoteTarget, context: FetchContext): Promise<Uint8Array> {
  const host = new URL(target.url).host;
  let answer: { response: Response; signed: boolean };
  try {
    answer = await request(target, context);
  } catch (error) {
    throw new RemoteError({ kind: 'network', host, message: error instanceof Error ? error.message : String(error) });
  }
  const { response, signed } = answer;
  if (response.ok) return new Uint8Array(await response.arrayBuffer());
  if (response.status === 404) throw new RemoteError({ kind: 'missing', url: target.url });
  const { code, message } = parseS3Error(await response.text().catch(() => ''));
  if (code === 'NoSuchKey') throw new RemoteError({ kind: 'missing', url: target.url });
  if (!signed && (response.status === 401 || response.status === 403)) throw new RemoteError({ kind: 'credentials', host, status: response.status });
  throw new RemoteError({ kind: 'refused', host, status: response.status, ...(code ? { code } : {}), ...(message ? { message } : {}) });
}
