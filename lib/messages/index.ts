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
}

export interface TokenStatus {
  set: boolean;
}

export interface Replies {
  'token-status': TokenStatus;
  'token-save': TokenStatus;
  'token-clear': TokenStatus;
}

export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = { [K in T]: { type: K } & Requests[K] }[T];

const TYPES: readonly RequestType[] = ['token-status', 'token-save', 'token-clear'];

/** Messages cross a trust boundary (a content script runs beside GitHub's page): check their shape. */
export function parseRequest(value: unknown): Request | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type } = value as { type?: unknown };
  if (!TYPES.includes(type as RequestType)) return undefined;
  if (type === 'token-save') {
    const { token } = value as { token?: unknown };
    return typeof token === 'string' ? { type, token } : undefined;
  }
  return { type } as Request;
}
