import type { RouteInput, RouteResult } from './route';
import { pageParams } from './route';

/**
 * One page of `items` with GitHub's `Link` header (rel next/last/first/prev, absolute URLs of
 * the same route with `page` replaced), as docs' "Using pagination in the REST API" describes.
 */
export function paginate<T>(input: RouteInput, items: readonly T[], wrap?: (page: T[]) => unknown): RouteResult {
  const { page, perPage } = pageParams(input.query);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  return { status: 200, json: wrap ? wrap(slice) : slice, headers: linkHeader(input, page, last) };
}

/** The Link header for `page` of `last`; also used by routes that page through git themselves. */
export function linkHeader(input: RouteInput, page: number, last: number | null): Record<string, string> {
  const url = (n: number): string => {
    const u = new URL(input.req.url.toString());
    u.searchParams.set('page', String(n));
    return u.toString();
  };
  const rels: string[] = [];
  const hasNext = last === null || page < last;
  if (hasNext) rels.push(`<${url(page + 1)}>; rel="next"`);
  if (last !== null && page < last) rels.push(`<${url(last)}>; rel="last"`);
  if (page > 1) rels.push(`<${url(1)}>; rel="first"`, `<${url(page - 1)}>; rel="prev"`);
  return rels.length > 0 ? { link: rels.join(', ') } : {};
}
