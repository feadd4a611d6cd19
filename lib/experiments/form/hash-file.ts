import { createSHA256 } from 'hash-wasm';
import { createFastMd5, type HashGeneration } from '../../dvc';

export interface FileDigest {
  /** DVC's md5 of the file under the entry's generation (3.x raw, 2.x dos2unix): its address in the remote. */
  md5: string;
  /** SHA-256 of the raw bytes, what S3's signature covers (`x-amz-content-sha256`). */
  sha256: string;
  size: number;
}

/** Hashes a file in one pass over its stream, never holding it whole: DVC's md5 for `generation` and the raw SHA-256. */
export async function hashFile(file: Blob, generation: HashGeneration, signal?: AbortSignal): Promise<FileDigest> {
  const [md5, sha256] = await Promise.all([createFastMd5(generation), createSHA256()]);
  sha256.init();
  const reader = file.stream().getReader();
  let size = 0;
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    md5.update(value);
    sha256.update(value);
    size += value.length;
  }
  return { md5: md5.digest(), sha256: sha256.digest('hex'), size };
}
