import { AwsClient } from 'aws4fetch';
import { credentialFor, type RemoteCredential } from './credentials';
import type { RemoteTarget } from './target';

/** boto's (and so DVC's) region when the remote names none. */
const DEFAULT_REGION = 'us-east-1';

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A request ready to send: its headers carry the signature (or auth header) for exactly this method, URL and payload. */
export interface SignedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Whether a credential went into it (an unsigned 401/403 means "none configured"). */
  signed: boolean;
}

/**
 * Signs one request to a remote object with the credential configured for it, if any. Credentials
 * go only to their own host (`credentialFor`). For S3, `payloadSha256` is the body's SHA-256 hex,
 * sent as `x-amz-content-sha256` and covered by the signature (absent: S3's `UNSIGNED-PAYLOAD`,
 * what aws4fetch sends for a body-less request).
 */
export async function signRequest(
  target: RemoteTarget,
  method: 'GET' | 'HEAD' | 'PUT',
  credentials: readonly RemoteCredential[],
  extra: Record<string, string> = {},
  payloadSha256?: string,
): Promise<SignedRequest> {
  const dvcUrl = target.kind === 's3' ? target.s3Url : target.url;
  const credential = credentialFor(credentials, dvcUrl, target.url);
  const unsigned = { url: target.url, method, headers: extra, signed: false };
  if (!credential) return unsigned;
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
    const headers = { ...extra, ...(payloadSha256 ? { 'x-amz-content-sha256': payloadSha256 } : {}) };
    const request = await client.sign(target.url, { method, headers });
    return { url: target.url, method, headers: Object.fromEntries(request.headers), signed: true };
  }
  const auth =
    credential.kind === 'basic' ? { authorization: `Basic ${base64(`${credential.user}:${credential.password}`)}` } : { [credential.name]: credential.value };
  return { url: target.url, method, headers: { ...extra, ...auth }, signed: true };
}
