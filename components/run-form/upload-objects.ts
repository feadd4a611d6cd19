import type { HashGeneration, OutHash } from '../../lib/dvc';
import type { DirDigest } from '../../lib/experiments/form/hash-dir';
import type { FileDigest } from '../../lib/experiments/form/hash-file';
import type { UploadRequestReply } from '../../lib/experiments/form/upload-request';
import { RemoteError, type SignedRequest } from '../../lib/remote';

/**
 * A new file or folder chosen for an input, hashed for its entry's generation. It stays in this
 * page (a File cannot cross a message channel nor be kept in session storage).
 */
export type UploadChoice = { file: File; digest: FileDigest; generation: HashGeneration } | { folder: DirDigest; name: string; generation: HashGeneration };

/** One object for the DVC remote: its bytes and what names and signs them. */
export interface UploadObject {
  body: Blob;
  /** Its DVC address (`.dir` kept for a manifest). */
  md5: string;
  /** md5 of the bytes as they are (the PUT's `Content-MD5`). */
  contentMd5: string;
  sha256: string;
  size: number;
  generation: HashGeneration;
}

/** What the input's entry becomes: the file's md5 and size, or the directory's `.dir`, total size and file count. */
export function entryOf(choice: UploadChoice): OutHash {
  if ('file' in choice) return { md5: choice.digest.md5, size: choice.digest.size };
  return { md5: choice.folder.md5, size: choice.folder.size, nfiles: choice.folder.nfiles };
}

/**
 * The objects to send for these choices, each once: a directory's files, then its `.dir`
 * manifest, as `dvc push` orders them, so that a manifest in the remote means its files are too.
 */
export function objectsOf(choices: readonly UploadChoice[]): UploadObject[] {
  const all = choices.flatMap(({ generation, ...choice }): UploadObject[] => {
    if ('file' in choice) return [{ body: choice.file, ...choice.digest, generation }];
    const { files, manifest, md5 } = choice.folder;
    return [
      ...files.map(({ file, digest }) => ({ body: file, ...digest, generation })),
      { body: new Blob([new Uint8Array(manifest.bytes)]), ...manifest.digest, md5, generation },
    ];
  });
  // Two files with the same bytes (or two inputs given the same file) are one object.
  const byAddress = new Map<string, UploadObject>();
  for (const object of all) if (!byAddress.has(`${object.generation}:${object.md5}`)) byAddress.set(`${object.generation}:${object.md5}`, object);
  return [...byAddress.values()];
}

export interface UploadDeps {
  /** The background's answer for one object: present already, a PUT it signed, or why not. */
  request(object: UploadObject): Promise<UploadRequestReply>;
  /** Sends a signed PUT with the body from this page, reporting bytes sent. */
  send(put: SignedRequest, body: Blob, onProgress: (sent: number) => void, signal: AbortSignal): Promise<void>;
  /** Bytes done over every object (a present one counts as done). */
  onProgress(sent: number, total: number): void;
  signal: AbortSignal;
}

/**
 * Each object in turn: asked of the background (HEAD, then a signature), skipped when present,
 * else sent. Throws `RemoteError` for a refusal, the abort for a cancel; the first failure stops
 * the rest, and the caller commits nothing.
 */
export async function uploadObjects(objects: readonly UploadObject[], deps: UploadDeps): Promise<{ sent: number; present: number }> {
  const total = objects.reduce((sum, o) => sum + o.size, 0);
  let done = 0;
  let sent = 0;
  deps.onProgress(0, total);
  for (const object of objects) {
    deps.signal.throwIfAborted();
    const reply = await deps.request(object);
    if (!reply.ok) throw new RemoteError(reply.failure);
    deps.signal.throwIfAborted();
    if (!reply.present) {
      await deps.send(reply.put, object.body, (bytes) => deps.onProgress(done + Math.min(bytes, object.size), total), deps.signal);
      sent += 1;
    }
    done += object.size;
    deps.onProgress(done, total);
  }
  return { sent, present: objects.length - sent };
}
