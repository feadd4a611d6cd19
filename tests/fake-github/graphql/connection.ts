import { GitHubError } from './errors';

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** Opaque cursors over an in-memory list, in the `Y3Vyc29y…` base64 style GitHub hands out. */
export function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64');
}

/**
 * A cursor the fake never handed out. The type is GitHub's; the wording is NOT captured from
 * GitHub (a best guess), so clients must branch on `type`.
 */
export function invalidCursor(cursor: string): GitHubError {
  return new GitHubError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`);
}

function indexOf(cursor: string): number {
  const m = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!m) throw invalidCursor(cursor);
  return Number(m[1]);
}

/** Relay pagination over a list already in GitHub's order. */
export function arrayConnection<T>(items: T[], args: PageArgs): Connection<T> {
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? Math.min(indexOf(args.before), items.length) : items.length;
  const bound = end;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const edges = items.slice(start, end).map((node, i) => ({ cursor: cursorOf(start + i), node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: end < bound,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}
