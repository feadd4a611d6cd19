import type { ActiveFault } from '../faults/registry';
import type { RateBucket, Repository, Store, User } from '../store';
import type { TokenRecord } from '../tokens';

/** Per-request state the resolvers share. */
export interface Ctx {
  store: Store;
  viewer: User;
  /** What the request's token is (tokens.ts): it decides what the viewer may read and write. */
  token: TokenRecord;
  rate: { cost: number; nodeCount: number; bucket: RateBucket };
  /** Request-scoped memo (e.g. each PR's commit set) so a 50-commit page asks git once per PR. */
  memo: Map<string, Promise<unknown>>;
  /** The fault the request tripped, when a resolver carries it out (`concurrent-push`). */
  fault?: ActiveFault;
}

/** What every model needs: the repository it belongs to and the world around it. */
export interface Scope {
  store: Store;
  repo: Repository;
}

export function nameWithOwner(repo: Repository): string {
  return `${repo.owner}/${repo.name}`;
}

export function repoUrl(scope: Scope): string {
  return `${scope.store.webBase}/${nameWithOwner(scope.repo)}`;
}

export function memo<T>(ctx: Ctx, key: string, make: () => Promise<T>): Promise<T> {
  let hit = ctx.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = make();
    ctx.memo.set(key, hit);
  }
  return hit;
}
