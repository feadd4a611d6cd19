import type { RemoteCredential } from './credentials';
import { RemoteError } from './errors';
import { parseS3Error } from './s3-error';
import { signRequest } from './sign';
import type { RemoteTarget } from './target';

export interface FetchContext {
  fetch: typeof fetch;
  credentials: readonly RemoteCredential[];
}

async function request(target: RemoteTarget, context: FetchContext): Promise<{ response: Response; signed: boolean }> {
  const { url, headers, signed } = await signRequest(target, 'GET', context.credentials);
  // `credentials: 'omit'`: a remote's cookies are not ours to send; `cache: 'no-store'`: the
  // object cache by md5 is the cache, and a browser cache entry would outlive a removed credential.
  const init: RequestInit = { method: 'GET', headers, credentials: 'omit', cache: 'no-store', redirect: 'error' };
  return { response: await context.fetch(url, init), signed };
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
