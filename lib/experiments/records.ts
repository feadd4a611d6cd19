import type { Cache } from '../cache';
import { READER_VERSION } from '../dvc';
import type { RepoName } from '../github/reads';

/** A file as kept for a commit: its text (or bytes, when GitHub's text would not do), too large to read, or absent (null). */
export type StoredFile = { oid: string; text: string } | { oid: string; bytes: Uint8Array } | { oid: string; tooLarge: number } | null;

/** What is known of one commit: its parents and the files read at it so far. Never changes once known. */
export interface CommitRecord {
  parents: string[];
  files: Record<string, StoredFile>;
}

/**
 * Cache keys of the experiments layer. Every key carries lib/dvc's READER_VERSION: a change to
 * what the reader reads (or how) starts from an empty cache instead of mixing old and new reads.
 */
export function cacheKey(kind: 'commit' | 'tree-of' | 'tree' | 'no-dvc', repo: RepoName, id = '', version = READER_VERSION): string {
  return `dvc${version}:${kind}:${repo.owner}/${repo.name}${id ? `@${id}` : ''}`;
}

/** Commit records in the cache. */
export class RecordStore {
  constructor(
    readonly cache: Cache,
    readonly version: number,
  ) {}

  get(repo: RepoName, shas: string[]): Promise<(CommitRecord | undefined)[]> {
    return this.cache.getMany<CommitRecord>(shas.map((sha) => cacheKey('commit', repo, sha, this.version)));
  }

  put(repo: RepoName, sha: string, record: CommitRecord): Promise<void> {
    return this.cache.put(cacheKey('commit', repo, sha, this.version), record);
  }
}
