import { cacheIndex, type CachedMetric, type DirEntry, type HashGeneration, type Project } from '../dvc';
import type { RemoteReader } from './remote-reader';

/** Where a file the commit records only by md5 is: its own entry, or inside a tracked directory. */
export type CachedFile = CachedMetric;

/** What a commit's project says about its DVC-tracked files: enough to find one in the remote. */
export type Tracked = Pick<Project, 'inputs'>;

/** Thrown when a `.dir` manifest is not one, or does not list the file: the file is not in the remote's copy. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** The hash generation of the entry that records `path` (DVC 3 unless the lock or `.dvc` says 2.x). */
function generationOf(project: Tracked, path: string): HashGeneration {
  return project.inputs.find((input) => input.path === path && input.md5 !== undefined)?.hashGeneration ?? '3';
}

function parseManifest(bytes: Uint8Array, dir: string): DirEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ManifestError(`the .dir manifest of ${dir} is not JSON`);
  }
  const isEntry = (e: unknown): e is DirEntry =>
    typeof e === 'object' && e !== null && typeof (e as DirEntry).relpath === 'string' && typeof (e as DirEntry).md5 === 'string';
  if (!Array.isArray(value) || !value.every(isEntry)) throw new ManifestError(`the .dir manifest of ${dir} is not a list of {md5, relpath}`);
  return value.map(({ md5, relpath }) => ({ md5, relpath }));
}

/** The files of a DVC-tracked directory as its `.dir` manifest in the remote lists them. */
export async function cachedDirEntries(reader: RemoteReader, project: Tracked, dvcConfig: string, dir: { path: string; md5: string }): Promise<DirEntry[]> {
  return parseManifest(await reader.object(dvcConfig, dir.md5, generationOf(project, dir.path)), dir.path);
}

/**
 * The bytes of a file the commit records only by md5, from the remote: its own object, or through
 * its directory's `.dir` manifest to its md5 (files in a directory share the directory's generation).
 */
export async function readCachedFile(reader: RemoteReader, project: Tracked, dvcConfig: string, where: CachedFile): Promise<Uint8Array> {
  if ('md5' in where) return reader.object(dvcConfig, where.md5, generationOf(project, where.file));
  const relpath = where.file.slice(where.dir.path.length + 1);
  const entry = (await cachedDirEntries(reader, project, dvcConfig, where.dir)).find((e) => e.relpath === relpath);
  if (!entry) throw new ManifestError(`${where.dir.path}'s manifest in the remote lists no ${relpath}`);
  return reader.object(dvcConfig, entry.md5, generationOf(project, where.dir.path));
}

/** Where a file not in git lives (for plot data), or null when no lock or `.dvc` file records it. */
export function locateCachedFile(project: Tracked, file: string): CachedFile | null {
  return cacheIndex(project.inputs)(file);
}
