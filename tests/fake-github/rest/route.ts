import type { FakeRequest } from '../server';
import type { Repository, Store, User } from '../store';
import type { TokenRecord } from '../tokens';
import type { Links } from './shapes/links';

/** What a route handler gets: the matched request, the caller, and the repository if any. */
export interface RouteInput {
  req: FakeRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  token: TokenRecord | null;
  user: User | null;
  /** Set for every `/repos/{owner}/{repo}/...` route; the pipeline answered 404 otherwise. */
  repo: Repository;
  store: Store;
  links: Links;
  /** Parsed JSON body (routes with a requestBody only). */
  body: Record<string, unknown>;
}

/** A route's answer before the pipeline adds GitHub's common headers, ETag and rate limit. */
export interface RouteResult {
  status: number;
  /** JSON body; absent for raw answers and bodiless statuses. */
  json?: unknown;
  raw?: { contentType: string; mediaType: string; data: Uint8Array };
  headers?: Record<string, string>;
  /**
   * What the ETag is derived from when not the body itself. GitHub gives a file's JSON and raw
   * representations one ETag (octokit/rest.js#337), so a cache keyed by URL alone can hand back
   * the wrong one; the contents route keys its ETag by blob to reproduce that.
   */
  etagKey?: string;
}

export type Route = (input: RouteInput) => Promise<RouteResult> | RouteResult;

export const ok = (json: unknown, headers?: Record<string, string>): RouteResult => ({ status: 200, json, headers });
export const created = (json: unknown, location: string): RouteResult => ({ status: 201, json, headers: { location } });

/** Reads an integer query parameter with GitHub's defaults (`per_page` 30, at most 100). */
export function pageParams(query: URLSearchParams): { page: number; perPage: number } {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  return { page, perPage };
}
