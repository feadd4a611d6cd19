import type { ReadFile } from '..';

/** A commit held in memory: every key is a path of the tree. */
export function memoryRepo(files: Record<string, string | Uint8Array>): { read: ReadFile; paths: string[] } {
  return {
    read: async (path) => files[path] ?? null,
    paths: Object.keys(files),
  };
}
