import type { Cache } from '../cache';
import type { GitHubClient } from '../github/client';
import { listTree, type RepoName } from '../github/reads';
import { cacheKey } from './records';

/** A repository without DVC is remembered this long: a `dvc init` pushed meanwhile shows within a day. */
export const NO_DVC_MEMO_MS = 24 * 60 * 60 * 1000;

export interface Listing {
  paths: string[];
  truncated: boolean;
}

/** Whether a listing holds a DVC project: a `dvc.yaml` or a `.dvc` file (not the `.dvc/` folder's files). */
export function hasDvc(paths: string[]): boolean {
  return paths.some((p) => p === 'dvc.yaml' || p.endsWith('/dvc.yaml') || (p.endsWith('.dvc') && !p.endsWith('/.dvc') && p !== '.dvc'));
}

/**
 * The paths `readProject` is given for EVERY commit of a page: one recursive listing of the
 * page's newest commit, cached by tree oid (and commit → tree oid), so a revisit costs nothing.
 *
 * What this misses, by design (one listing instead of one per commit): files that exist at an
 * older commit but not at the newest one — a `.dvc` file or a nested `dvc.yaml` since deleted or
 * renamed, a `.dvcignore` since removed. Older rows are read without them. Files named inside
 * the files that are read (params and metrics files of a `dvc.yaml`, its `vars`) are not
 * affected: they are read by name at each commit. A listing GitHub truncated (over 100,000
 * entries) misses the rest of the tree; rows then say so in `problems`.
 *
 * Returns null for a repository with no DVC project, remembered for a day: its next pages cost
 * no request at all.
 */
export async function listingFor(client: GitHubClient, cache: Cache, version: number, repo: RepoName, newest: string): Promise<Listing | null> {
  const key = (kind: Parameters<typeof cacheKey>[0], id = '') => cacheKey(kind, repo, id, version);
  if (await cache.get<boolean>(key('no-dvc'))) return null;
  const treeOid = await cache.get<string>(key('tree-of', newest));
  const cached = treeOid === undefined ? undefined : await cache.get<Listing>(key('tree', treeOid));
  if (cached) return cached;
  const tree = await listTree(client, repo, newest);
  const listing = { paths: tree.paths, truncated: tree.truncated };
  if (!hasDvc(tree.paths) && !tree.truncated) {
    await cache.put(key('no-dvc'), true, { expiresAt: client.now() + NO_DVC_MEMO_MS });
    return null;
  }
  await cache.put(key('tree', tree.oid), listing);
  await cache.put(key('tree-of', newest), tree.oid);
  return listing;
}
