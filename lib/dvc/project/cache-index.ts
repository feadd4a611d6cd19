import { dirname } from '../paths';
import type { CachedMetric, Input } from '../types';

/** Where a file not in git lives in the DVC cache: its own entry, else the closest tracked directory output. */
export function cacheIndex(inputs: Input[]): (file: string) => CachedMetric | null {
  const hashed = new Map<string, string>();
  for (const input of inputs) if (input.md5 !== undefined && !hashed.has(input.path)) hashed.set(input.path, input.md5);
  return (file) => {
    const own = hashed.get(file);
    if (own !== undefined) return { file, md5: own };
    for (let dir = dirname(file); dir !== ''; dir = dirname(dir)) {
      const md5 = hashed.get(dir);
      if (md5?.endsWith('.dir')) return { file, dir: { path: dir, md5 } };
    }
    return null;
  };
}
