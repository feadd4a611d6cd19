import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * New bytes for files kept in git, handed from the Run form to the background through the
 * extension origin's IndexedDB (both share it): a runtime message carries neither a File nor
 * the 133 MB of base64 a 100 MB file becomes. The page stages them under the run's id just
 * before asking for the commit; the background reads them, commits them and drops the run's
 * entries, whatever the outcome. Entries of runs that never reached the background go after
 * an hour.
 */
export interface StagedFiles {
  put(runId: string, files: readonly { path: string; blob: Blob }[]): Promise<void>;
  get(runId: string, path: string): Promise<Blob | undefined>;
  drop(runId: string): Promise<void>;
  /** Entries staged more than an hour ago: runs that will not come back for them. */
  dropStale(): Promise<void>;
}

export const STALE_AFTER_MS = 60 * 60 * 1000;

interface Entry {
  runId: string;
  path: string;
  blob: Blob;
  stagedAt: number;
}

interface Schema extends DBSchema {
  files: { key: [string, string]; value: Entry; indexes: { runId: string; stagedAt: number } };
}

export function stagedFiles(options: { name?: string; now?: () => number } = {}): StagedFiles {
  const { name = 'commit-lab-staged-files', now = Date.now } = options;
  let db: Promise<IDBPDatabase<Schema>> | undefined;
  const open = () =>
    (db ??= openDB<Schema>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore('files', { keyPath: ['runId', 'path'] });
        store.createIndex('runId', 'runId');
        store.createIndex('stagedAt', 'stagedAt');
      },
    }));
  const dropWhere = async (index: 'runId' | 'stagedAt', range: IDBKeyRange) => {
    const tx = (await open()).transaction('files', 'readwrite');
    for (let cursor = await tx.store.index(index).openCursor(range); cursor; cursor = await cursor.continue()) await cursor.delete();
    await tx.done;
  };
  return {
    async put(runId, files) {
      const tx = (await open()).transaction('files', 'readwrite');
      const stagedAt = now();
      await Promise.all([...files.map(({ path, blob }) => tx.store.put({ runId, path, blob, stagedAt })), tx.done]);
    },
    async get(runId, path) {
      return (await (await open()).get('files', [runId, path]))?.blob;
    },
    drop: (runId) => dropWhere('runId', IDBKeyRange.only(runId)),
    dropStale: () => dropWhere('stagedAt', IDBKeyRange.upperBound(now() - STALE_AFTER_MS)),
  };
}
