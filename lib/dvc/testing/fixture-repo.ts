import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadFile } from '..';
import { FIXTURES, filesUnder } from './fixture-files';

/**
 * A commit made of fixture snapshots: later folders lie over earlier ones, as a commit that only
 * changed some files lies over its parent's tree. Returns the tree's paths and a `read` for it.
 */
export function commit(...folders: string[]): { paths: string[]; read: ReadFile; reads: string[] } {
  const files = new Map<string, string>();
  for (const folder of folders) {
    const root = join(FIXTURES, folder);
    for (const rel of filesUnder(root)) files.set(rel, join(root, rel));
  }
  const reads: string[] = [];
  const read: ReadFile = async (path) => {
    reads.push(path);
    const file = files.get(path);
    return file === undefined ? null : new Uint8Array(readFileSync(file));
  };
  return { paths: [...files.keys()].sort(), read, reads };
}
