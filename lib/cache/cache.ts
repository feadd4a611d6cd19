import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * A persistent key → value cache for the background, for data that never changes once known
 * (anything addressed by a commit, tree or blob oid, an md5) and for short-lived memos with an
 * expiry. Values are structured-cloned. Callers put only complete answers: a failure or a partial
 * answer must never reach `put`.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  /** Several keys in one transaction; undefined where missing or expired. */
  getMany<T>(keys: string[]): Promise<(T | undefined)[]>;
  put(key: string, value: unknown, options?: { expiresAt?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  /** Bytes held (approximate: UTF-8 size of the value as JSON). */
  size(): Promise<number>;
}

export interface CacheOptions {
  /** IndexedDB database name. */
  name?: string;
  /** Least recently used entries go once the total passes this. Default 50 MB. */
  maxBytes?: number;
  now?: () => number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

interface Meta {
  key: string;
  size: number;
  used: number;
  expiresAt?: number;
}

interface Schema extends DBSchema {
  values: { key: string; value: unknown };
  meta: { key: string; value: Meta; indexes: { used: number } };
}

const encoder = new TextEncoder();

function sizeOf(value: unknown): number {
  // Bytes (DVC remote objects) count as their length: JSON would spell each byte as `"i":n`, several times over.
  if (ArrayBuffer.isView(value)) return value.byteLength;
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * IndexedDB, not `storage.local` (10 MB without `unlimitedStorage`). Values and their bookkeeping
 * (size, last use) live in two stores, so that eviction walks small records only.
 */
export function idbCache(options: CacheOptions = {}): Cache {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? (() => Date.now());
  let db: Promise<IDBPDatabase<Schema>> | undefined;
  let total: number | undefined;
  // A monotonic use counter breaks ties between uses in the same millisecond.
  let tick = 0;
  const used = () => now() * 1000 + (tick++ % 1000);

  const open = () =>
    (db ??= openDB<Schema>(options.name ?? 'commit-lab-cache', 1, {
      upgrade(database) {
        database.createObjectStore('values');
        database.createObjectStore('meta', { keyPath: 'key' }).createIndex('used', 'used');
      },
    }));

  async function totalBytes(): Promise<number> {
    if (total === undefined) {
      const metas = await (await open()).getAll('meta');
      total = metas.reduce((sum, m) => sum + m.size, 0);
    }
    return total;
  }

  async function evict(): Promise<void> {
    if ((await totalBytes()) <= maxBytes) return;
    const tx = (await open()).transaction(['meta', 'values'], 'readwrite');
    let cursor = await tx.objectStore('meta').index('used').openCursor();
    while (cursor && total! > maxBytes) {
      total! -= cursor.value.size;
      await tx.objectStore('values').delete(cursor.value.key);
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  async function getMany<T>(keys: string[]): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    const tx = (await open()).transaction(['meta', 'values'], 'readwrite');
    const meta = tx.objectStore('meta');
    const values = tx.objectStore('values');
    const results = await Promise.all(
      keys.map(async (key) => {
        const m = await meta.get(key);
        if (!m) return undefined;
        if (m.expiresAt !== undefined && m.expiresAt <= now()) return undefined;
        await meta.put({ ...m, used: used() });
        return (await values.get(key)) as T | undefined;
      }),
    );
    await tx.done;
    return results;
  }

  return {
    getMany,
    async get<T>(key: string) {
      return (await getMany<T>([key]))[0];
    },
    async put(key, value, opts = {}) {
      const size = sizeOf(value) + key.length;
      await totalBytes();
      const tx = (await open()).transaction(['meta', 'values'], 'readwrite');
      const old = await tx.objectStore('meta').get(key);
      await tx.objectStore('values').put(value, key);
      await tx.objectStore('meta').put({ key, size, used: used(), ...(opts.expiresAt !== undefined ? { expiresAt: opts.expiresAt } : {}) });
      await tx.done;
      total = total! - (old?.size ?? 0) + size;
      await evict();
    },
    async delete(key) {
      await totalBytes();
      const tx = (await open()).transaction(['meta', 'values'], 'readwrite');
      const old = await tx.objectStore('meta').get(key);
      await tx.objectStore('values').delete(key);
      await tx.objectStore('meta').delete(key);
      await tx.done;
      total = total! - (old?.size ?? 0);
    },
    size: totalBytes,
  };
}
