import { md5Of, remoteObjectUrl, type HashGeneration, type RemoteObject } from '../dvc';
import { createLimit, MAX_REMOTE_READS, originPattern, RemoteError, type RemoteAccess } from '../remote';

/** Immutable remote objects by md5 (the background's IndexedDB cache, within its size cap). */
export interface ObjectCache {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

export interface RemoteReaderDeps {
  /** GETs one object (lib/remote's `fetchObject` bound to `fetch` and the user's credentials). */
  fetch(target: RemoteObject): Promise<Uint8Array>;
  cache: ObjectCache;
  /** Whether the extension may read from this URL's host now (`remoteAccess`). */
  access(url: string): Promise<RemoteAccess>;
}

/** One page view's reads from DVC remotes: each distinct object once, at most 6 at a time. */
export interface RemoteReader {
  /**
   * The verified bytes of object `md5` (an entry of `generation`) in the remote `.dvc/config`
   * names (its default, or `remote`). Rejects with `RemoteError` for every failure a user can meet.
   */
  object(dvcConfig: string, md5: string, generation: HashGeneration, remote?: string): Promise<Uint8Array>;
  /** Objects requested from remotes so far (cache hits and shared reads not counted). */
  readonly reads: number;
}

/**
 * The cache key: the md5 (in the background cache's `dvc-object:` space), and for a 2.x file its
 * generation too, since a 2.x md5 (CRLF read as LF) can name other bytes than the same 3.x md5.
 * A `.dir` manifest hashes alike in both.
 */
export function objectCacheKey(md5: string, generation: HashGeneration): string {
  return `dvc-object:${md5}${generation === '2' && !md5.endsWith('.dir') ? ':2.x' : ''}`;
}

/**
 * What DVC would name these bytes: a `.dir` manifest by the md5 of its bytes (DVC writes the
 * manifest it hashed), a file by the md5 of its generation (dos2unix for 2.x text).
 */
function hashOf(bytes: Uint8Array, md5: string, generation: HashGeneration): string {
  return md5.endsWith('.dir') ? `${md5Of(bytes, '3')}.dir` : md5Of(bytes, generation);
}

function address(dvcConfig: string, md5: string, generation: HashGeneration, remote: string | undefined): RemoteObject {
  try {
    return remoteObjectUrl(dvcConfig, md5, generation, remote);
  } catch (error) {
    throw new RemoteError({ kind: 'unsupported', message: error instanceof Error ? error.message : String(error) });
  }
}

export function createRemoteReader(deps: RemoteReaderDeps): RemoteReader {
  const limit = createLimit(MAX_REMOTE_READS);
  const pending = new Map<string, Promise<Uint8Array>>();
  let reads = 0;

  async function load(dvcConfig: string, md5: string, generation: HashGeneration, remote: string | undefined): Promise<Uint8Array> {
    const key = objectCacheKey(md5, generation);
    const cached = await deps.cache.get(key);
    if (cached) return cached;
    const target = address(dvcConfig, md5, generation, remote);
    const access = await deps.access(target.url);
    if (access !== 'granted') {
      throw new RemoteError({ kind: 'permission', host: new URL(target.url).host, origin: originPattern(target.url), denied: access === 'denied' });
    }
    const bytes = await limit(() => {
      reads++;
      return deps.fetch(target);
    });
    const actual = hashOf(bytes, md5, generation);
    if (actual !== md5) throw new RemoteError({ kind: 'mismatch', url: target.url, expected: md5, actual });
    await deps.cache.put(key, bytes);
    return bytes;
  }

  return {
    object(dvcConfig, md5, generation, remote) {
      const id = `${remote ?? ''}\0${objectCacheKey(md5, generation)}`;
      let read = pending.get(id);
      if (!read) {
        read = load(dvcConfig, md5, generation, remote);
        pending.set(id, read);
      }
      return read;
    },
    get reads() {
      return reads;
    },
  };
}
