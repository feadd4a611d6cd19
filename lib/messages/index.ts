import type { RowsRequest, RowsResult } from '../experiments/types';
import type { GitHubErrorInfo } from '../github/errors';

/**
 * The typed messages extension pages and content scripts send to the background, which owns
 * the token and every network request. Each request type maps to its reply type in `Replies`.
 */
export interface Requests {
  /** Whether a GitHub token is stored. Anyone may ask; the token itself never leaves the background. */
  'token-status': Record<never, never>;
  /** Store a token. Extension pages only. */
  'token-save': { token: string };
  /** Forget the token. Extension pages only. */
  'token-clear': Record<never, never>;
  /** The experiment rows of one commit-list view. Anyone may ask: the rows are what the token can read anyway. */
  experiments: RowsRequest;
  /** Open Commit Lab's sign-in page (the header's "Sign in" on a commit list). Anyone may ask. */
  'open-sign-in': Record<never, never>;
}

export interface TokenStatus {
  set: boolean;
}

/**
 * A page view's rows, or why there are none: `signed-out` (no token: GitHub's GraphQL needs one)
 * or a GitHub failure as plain data. `login` is the token's account when the background knows it,
 * so the page can say once that it is not the account signed in to GitHub.
 */
export type ExperimentsReply = { ok: true; result: RowsResult; login?: string } | { ok: false; error: GitHubErrorInfo | { kind: 'signed-out'; message: string } };

export interface Replies {
  'token-status': TokenStatus;
  'token-save': TokenStatus;
  'token-clear': TokenStatus;
  experiments: ExperimentsReply;
  'open-sign-in': null;
}

export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = { [K in T]: { type: K } & Requests[K] }[T];

const TYPES: readonly RequestType[] = ['token-status', 'token-save', 'token-clear', 'experiments', 'open-sign-in'];

/** Messages cross a trust boundary (a content script runs beside GitHub's page): check their shape. */
export function parseRequest(value: unknown): Request | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type } = value as { type?: unknown };
  if (!TYPES.includes(type as RequestType)) return undefined;
  if (type === 'token-save') {
    const { token } = value as { token?: unknown };
    return typeof token === 'string' ? { type, token } : undefined;
  }
  if (type === 'experiments') return parseRowsRequest(value);
  return { type } as Request;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parseRowsRequest(value: object): Request<'experiments'> | undefined {
  const { repo, list, shas } = value as { repo?: { owner?: unknown; name?: unknown }; list?: { ref?: unknown; pr?: unknown }; shas?: unknown };
  if (!repo || !isString(repo.owner) || !isString(repo.name) || !list) return undefined;
  if (!Array.isArray(shas) || shas.length > 100 || !shas.every((sha) => typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha))) return undefined;
  const parsedList = isString(list.ref) ? { ref: list.ref } : Number.isSafeInteger(list.pr) && (list.pr as number) > 0 ? { pr: list.pr as number } : undefined;
  if (!parsedList) return undefined;
  return { type: 'experiments', repo: { owner: repo.owner, name: repo.name }, list: parsedList, shas: shas as string[] };
}
