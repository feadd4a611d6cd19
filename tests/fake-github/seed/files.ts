import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileEntry {
  /** `/`-separated path relative to the walked folder. */
  path: string;
  executable: boolean;
}

/** Every regular file under `dir` (recursively), sorted by path. */
export async function listFiles(dir: string): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    await Promise.all(
      entries.map(async (e) => {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) await walk(path);
        else if (e.isFile()) out.push({ path, executable: ((await stat(join(dir, path))).mode & 0o111) !== 0 });
      }),
    );
  };
  await walk('');
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** `items.map(fn)` with at most `limit` calls in flight, results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
