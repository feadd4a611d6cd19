import { md5Of } from './md5';
import { compareCodePoints } from '../python/compare';
import { pythonJsonDumps } from '../python/python-json';

export interface DirEntry {
  /** POSIX path of the file inside the directory. */
  readonly relpath: string;
  /** The file's md5 (32 hex digits), of the same generation as the directory entry. */
  readonly md5: string;
}

/**
 * The `.dir` manifest DVC stores as an object (dvc-data `Tree.as_bytes`): entries sorted by
 * `relpath` (Python string order), each `{"md5": …, "relpath": …}`, as `json.dumps(sort_keys=True)`
 * writes them, UTF-8.
 */
export function dirManifest(entries: readonly DirEntry[]): Uint8Array {
  const sorted = [...entries].map((entry) => ({ md5: entry.md5, relpath: entry.relpath })).sort((a, b) => compareCodePoints(a.relpath, b.relpath));
  return new TextEncoder().encode(pythonJsonDumps(sorted));
}

/**
 * The directory hash `<md5 of the manifest>.dir` (dvc-data `Tree.digest`). The manifest is
 * ASCII JSON with no raw CR, so 2.x and 3.x hash it alike.
 */
export function dirMd5(entries: readonly DirEntry[]): string {
  return `${md5Of(dirManifest(entries), '3')}.dir`;
}
