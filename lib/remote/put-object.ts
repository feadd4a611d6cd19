import { sha256 } from 'hash-wasm';
import { RemoteError } from './errors';
import type { FetchContext } from './fetch-object';
import type { RemoteCredential } from './credentials';
import { parseS3Error } from './s3-error';
import { signRequest, type SignedRequest } from './sign';
import type { RemoteTarget } from './target';

export type PutOutcome = 'present' | 'uploaded';

export interface PutOptions {
  /** The object's md5 (hex, `.dir` kept for a manifest), its DVC address: sent as `Content-MD5` so the remote checks the bytes it stores. */
  md5: string;
  signal?: AbortSignal;
}

/** What the body is, for the signature: S3 covers its SHA-256 (`x-amz-content-sha256`), every remote gets `Content-MD5`. */
export interface PutDigest {
  /** md5 of the bytes sent (not always the DVC address: a 2.x CRLF text file is named by its LF md5). */
  md5: string;
  sha256: string;
}

const hostOf = (target: RemoteTarget) => new URL(target.url).host;
const failureMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `Content-MD5` of the bytes: a `.dir` object's name is its manifest's md5 with the suffix, the digest is the 32 hex digits. */
function md5Base64(id: string): string {
  const hex = id.replace(/\.dir$/, '');
  let binary = '';
  for (let i = 0; i < hex.length; i += 2) binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

/** The PUT of one object, signed for exactly these bytes: what the page sends (by XHR, for its progress) without ever holding the secret. */
export function signPut(target: RemoteTarget, credentials: readonly RemoteCredential[], digest: PutDigest): Promise<SignedRequest> {
  return signRequest(target, 'PUT', credentials, { 'content-md5': md5Base64(digest.md5) }, target.kind === 's3' ? digest.sha256 : undefined);
}

/** The error for a refused answer: S3's code and message when it sent them; an unsigned 401/403 means no credential is set. */
export function refusal(target: RemoteTarget, status: number, body: string, signed: boolean): RemoteError {
  const host = hostOf(target);
  if (!signed && (status === 401 || status === 403)) return new RemoteError({ kind: 'credentials', host, status });
  const { code, message } = parseS3Error(body);
  // An HTTP remote's refusal is plain text: its first line says why.
  const said = message ?? body.split('\n')[0]?.slice(0, 200);
  return new RemoteError({ kind: 'refused', host, status, ...(code ? { code } : {}), ...(said ? { message: said } : {}) });
}

/** Whether the remote holds the object already (a HEAD): an upload is skipped when it does. */
export async function objectExists(target: RemoteTarget, context: FetchContext, signal?: AbortSignal): Promise<boolean> {
  const { url, headers, signed } = await signRequest(target, 'HEAD', context.credentials);
  let response: Response;
  try {
    response = await context.fetch(url, { method: 'HEAD', headers, credentials: 'omit', cache: 'no-store', redirect: 'error', ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RemoteError({ kind: 'network', host: hostOf(target), message: failureMessage(error) });
  }
  if (response.ok) return true;
  if (response.status === 404) return false;
  // S3 answers 403, not 404, for a missing object when the key may not list the bucket; the PUT
  // that follows then says whether the key may write (or why the signature is wrong).
  if (signed && response.status === 403) return false;
  throw refusal(target, response.status, '', signed);
}

/**
 * Uploads one object unless the remote has it: HEAD first, then a PUT signed for these bytes
 * (SigV4 with `x-amz-content-sha256` on S3; the configured auth on HTTP remotes that accept PUT).
 * Throws `RemoteError` for every failure a user can meet; an abort rejects with the signal's reason.
 */
export async function putObject(target: RemoteTarget, body: Uint8Array, context: FetchContext, options: PutOptions): Promise<PutOutcome> {
  if (await objectExists(target, context, options.signal)) return 'present';
  const request = await signPut(target, context.credentials, { md5: options.md5, sha256: await sha256(body) });
  let response: Response;
  try {
    response = await context.fetch(request.url, {
      method: 'PUT',
      headers: request.headers,
      body: new Uint8Array(body),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new RemoteError({ kind: 'network', host: hostOf(target), message: failureMessage(error) });
  }
  if (response.ok) return 'uploaded';
  throw refusal(target, response.status, await response.text().catch(() => ''), request.signed);
}
