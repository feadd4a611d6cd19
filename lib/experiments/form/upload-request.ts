import { remoteObjectUrl, type HashGeneration } from '../../dvc';
import { objectExists, originPattern, RemoteError, signPut, type FetchContext, type RemoteAccess, type RemoteFailure, type SignedRequest } from '../../remote';

/**
 * What the Run form needs to upload one object: nothing (the remote has it), or a PUT signed for
 * exactly its bytes, which the page sends itself (by XHR, for progress and cancel). The
 * background signs: an S3 secret never leaves it, only a signature bound to one URL, method and
 * payload SHA-256. An HTTP remote's basic or header auth has no such form, so that header is in
 * the signed request, for its own remote's host only (`credentialFor`).
 */
export type UploadRequestReply =
  { ok: true; present: true; url: string } | { ok: true; present: false; put: SignedRequest } | { ok: false; failure: RemoteFailure };

export interface UploadContext extends FetchContext {
  /** Whether the extension may reach the remote's origin (the browser's host permission, or a refusal remembered). */
  access(url: string): Promise<RemoteAccess>;
}

export interface UploadAsk {
  /** The object's DVC address (`.dir` kept for a manifest). */
  md5: string;
  /** md5 of the bytes as sent (a 2.x CRLF text file's differs from its address): the PUT's `Content-MD5`. */
  contentMd5: string;
  sha256: string;
  generation: HashGeneration;
}

/**
 * The upload of object `md5` (an entry of `generation`) to the default remote `.dvc/config`
 * names (`dvcConfig`: that file at the commit, null when absent): HEAD first, then the signed PUT.
 */
export async function uploadRequest(dvcConfig: string | null, ask: UploadAsk, context: UploadContext): Promise<UploadRequestReply> {
  try {
    if (dvcConfig === null) return { ok: false, failure: { kind: 'unsupported', message: 'the commit has no .dvc/config naming a remote' } };
    let target;
    try {
      target = remoteObjectUrl(dvcConfig, ask.md5, ask.generation);
    } catch (error) {
      return { ok: false, failure: { kind: 'unsupported', message: error instanceof Error ? error.message : String(error) } };
    }
    const access = await context.access(target.url);
    if (access !== 'granted') {
      return { ok: false, failure: { kind: 'permission', host: new URL(target.url).host, origin: originPattern(target.url), denied: access === 'denied' } };
    }
    if (await objectExists(target, context)) return { ok: true, present: true, url: target.url };
    return { ok: true, present: false, put: await signPut(target, context.credentials, { md5: ask.contentMd5, sha256: ask.sha256 }) };
  } catch (error) {
    if (error instanceof RemoteError) return { ok: false, failure: error.failure };
    throw error;
  }
}
