/**
 * GitHub's commit-list paging links: from a page starting at index s of the history of tip T,
 * "Older" is `?after=T+(s+34)` and "Newer" is `?before=T+s` (35 rows a page). `+` arrives as a
 * space once the query is decoded, so both are accepted.
 */
export const PAGE_SIZE = 35;

export interface PagePosition {
  /** Tip the pages walk from; undefined on the first page (the ref's current commit). */
  tip: string | undefined;
  offset: number;
}

const CURSOR = /^([0-9a-f]{40})[ +](\d+)$/;

export function positionOf(query: URLSearchParams): PagePosition {
  const after = CURSOR.exec(query.get('after') ?? '');
  if (after) return { tip: after[1], offset: Number(after[2]) + 1 };
  const before = CURSOR.exec(query.get('before') ?? '');
  if (before) return { tip: before[1], offset: Math.max(0, Number(before[2]) - PAGE_SIZE) };
  return { tip: undefined, offset: 0 };
}

export function olderQuery(tip: string, offset: number): string {
  return `?after=${tip}+${offset + PAGE_SIZE - 1}`;
}

export function newerQuery(tip: string, offset: number): string {
  return `?before=${tip}+${offset}`;
}
