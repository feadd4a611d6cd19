import { createSHA256 } from 'hash-wasm';
import { createFastMd5, type HashGeneration } from '../../dvc';

export interface FileDigest {
  /** DVC's md5 of the file under the entry's generation (3.x raw, 2.x dos2unix): its address in the remote. */
  md5: string;
  /**
   * md5 of the raw bytes, what `Content-MD5` says: the same as `md5` except for a 2.x entry whose
   * text has CRLF (DVC names the object by the LF md5 but stores the bytes as they are).
   */
  contentMd5: string;
  /** SHA-256 of the raw bytes, what S3's signature covers (`x-amz-content-sha256`). */
  sha256: string;
  size: number;
}

/** Hashes a file in one pass over its stream, never holding it whole: DVC's md5 for `generation`, the raw md5 and the raw SHA-256. */
export async function hashFile(file: Blob, generation: HashGeneration, signal?: AbortSignal): Promise<FileDigest> {
  const [md5, raw, sha256] = await Promise.all([createFastMd5(generation), generation === '3' ? undefined : createFastMd5('3'), createSHA256()]);
  sha256.init();
  const reader = file.stream().getReader();
  let size = 0;
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    md5.update(value);
    raw?.update(value);
    sha256.update(value);
    size += value.length;
  }
  const address = md5.digest();
  return { md5: address, contentMd5: raw?.digest() ?? address, sha256: sha256.digest('hex'), size };
}
