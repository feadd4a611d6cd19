import { sha256 } from 'hash-wasm';
import { dirManifest, dirMd5, dvcIgnoreFilter, type HashGeneration } from '../../dvc';
import { hashFile, type FileDigest } from './hash-file';

/** One file of a folder the user picked: its path inside the folder (POSIX) and its bytes. */
export interface FolderFile {
  relpath: string;
  file: Blob;
}

/** A file of the directory as DVC records it: where, and its hash under the entry's generation. */
export interface HashedFile extends FolderFile {
  digest: FileDigest;
}

/** A folder hashed as DVC hashes a tracked directory: its files, the `.dir` manifest object and the entry's new values. */
export interface DirDigest {
  /** `<md5 of the manifest>.dir`: the entry's new md5. */
  md5: string;
  /** Sum of the files' sizes, as DVC writes `size` for a directory. */
  size: number;
  nfiles: number;
  /** The files DVC records (those `.dvcignore` keeps), in the folder's order. */
  files: HashedFile[];
  /** The `.dir` object's bytes and digest (its md5 without `.dir`): uploaded after the files. */
  manifest: { bytes: Uint8Array; digest: FileDigest };
  /** Paths inside the folder left out, as `.dvcignore` (and DVC's defaults) say. */
  ignored: string[];
}

export interface HashDirOptions {
  /** The directory's repo-relative path: `.dvcignore` rules are matched on repo paths. */
  outPath: string;
  /** Files read at the commit (path → text): its `.dvcignore` files apply (those outside the directory). */
  repoFiles: Readonly<Record<string, string>>;
  /** Bytes hashed so far of the folder's total. */
  onProgress?: (hashed: number, total: number) => void;
  signal?: AbortSignal;
}

/** A file input's folder (`webkitdirectory`): each path without the picked folder's own name, the first segment of `webkitRelativePath`. */
export function folderFiles(files: readonly (Blob & { webkitRelativePath: string })[]): FolderFile[] {
  return files.map((file) => ({ relpath: file.webkitRelativePath.split('/').slice(1).join('/'), file }));
}

const isIgnoreFile = (path: string) => path === '.dvcignore' || path.endsWith('/.dvcignore');

/**
 * A folder as DVC hashes a tracked directory for an entry of `generation`: the files the
 * repository's `.dvcignore` (and DVC's defaults) keep, each hashed by that generation's rules
 * (3.x raw, 2.x dos2unix), the manifest DVC writes (`dirManifest`) and its `.dir` md5, `size` the
 * sum and `nfiles` the count. One file at a time, never holding one whole. A folder holding a
 * `.dvcignore` of its own is refused, as `dvc add` refuses it (`DvcIgnoreInCollectedDirError`).
 */
export async function hashDirectory(folder: readonly FolderFile[], generation: HashGeneration, options: HashDirOptions): Promise<DirDigest> {
  const inside = (relpath: string) => `${options.outPath}/${relpath}`;
  const isIgnored = dvcIgnoreFilter(
    Object.fromEntries(Object.entries(options.repoFiles).filter(([path]) => isIgnoreFile(path) && !path.startsWith(`${options.outPath}/`))),
  );
  const kept: FolderFile[] = [];
  const ignored: string[] = [];
  for (const entry of folder) {
    if (isIgnored(inside(entry.relpath))) ignored.push(entry.relpath);
    else kept.push(entry);
  }
  const ownIgnore = kept.find(({ relpath }) => isIgnoreFile(relpath));
  if (ownIgnore) throw new Error(`it holds ${ownIgnore.relpath}, and DVC refuses a .dvcignore inside a tracked directory: remove it from the folder`);
  const total = kept.reduce((sum, { file }) => sum + file.size, 0);
  const files: HashedFile[] = [];
  let hashed = 0;
  options.onProgress?.(0, total);
  for (const entry of kept) {
    options.signal?.throwIfAborted();
    files.push({ ...entry, digest: await hashFile(entry.file, generation, options.signal) });
    hashed += entry.file.size;
    options.onProgress?.(hashed, total);
  }
  const entries = files.map(({ relpath, digest }) => ({ relpath, md5: digest.md5 }));
  const bytes = dirManifest(entries);
  const md5 = dirMd5(entries);
  const manifestMd5 = md5.slice(0, -'.dir'.length);
  return {
    md5,
    size: files.reduce((sum, { digest }) => sum + digest.size, 0),
    nfiles: files.length,
    files,
    manifest: { bytes, digest: { md5: manifestMd5, contentMd5: manifestMd5, sha256: await sha256(bytes), size: bytes.length } },
    ignored,
  };
}
