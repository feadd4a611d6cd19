// From the module itself, not lib/remote's index: pages that parse messages need no S3 signer.
import { parseCredential, type CredentialSummary, type RemoteCredential } from '../remote/credentials';

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
  /** The DVC remote credentials set, without their secrets. Extension pages only. */
  'remote-credentials': Record<never, never>;
  /** Store a remote's credentials (replacing those for the same URL). Extension pages only. */
  'remote-credential-save': { credential: RemoteCredential };
  /** Forget the credentials for a remote URL. Extension pages only. */
  'remote-credential-remove': { url: string };
  /** The user's answer to "Read metrics from <host>" (an origin pattern), to remember a refusal. Extension pages only. */
  'remote-access-answer': { origin: string; granted: boolean };
  /** Options opened: offer every refused remote host again. Extension pages only. */
  'remote-access-reset': Record<never, never>;
}

export interface TokenStatus {
  set: boolean;
}

export interface RemoteCredentials {
  credentials: CredentialSummary[];
}

export interface Replies {
  'token-status': TokenStatus;
  'token-save': TokenStatus;
  'token-clear': TokenStatus;
  'remote-credentials': RemoteCredentials;
  'remote-credential-save': RemoteCredentials;
  'remote-credential-remove': RemoteCredentials;
  'remote-access-answer': Record<never, never>;
  'remote-access-reset': Record<never, never>;
}

export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = { [K in T]: { type: K } & Requests[K] }[T];

const TYPES: readonly RequestType[] = [
  'token-status',
  'token-save',
  'token-clear',
  'remote-credentials',
  'remote-credential-save',
  'remote-credential-remove',
  'remote-access-answer',
  'remote-access-reset',
];

/** An origin pattern as `originPattern` makes them: `https://host/*`. */
const ORIGIN_PATTERN = /^https?:\/\/[^/*:]+\/\*$/;

/** Messages cross a trust boundary (a content script runs beside GitHub's page): check their shape. */
export function parseRequest(value: unknown): Request | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type } = value as { type?: unknown };
  if (!TYPES.includes(type as RequestType)) return undefined;
  if (type === 'token-save') {
    const { token } = value as { token?: unknown };
    return typeof token === 'string' ? { type, token } : undefined;
  }
  if (type === 'remote-credential-save') {
    const credential = parseCredential((value as { credential?: unknown }).credential);
    return credential ? { type, credential } : undefined;
  }
  if (type === 'remote-credential-remove') {
    const { url } = value as { url?: unknown };
    return typeof url === 'string' ? { type, url } : undefined;
  }
  if (type === 'remote-access-answer') {
    const { origin, granted } = value as { origin?: unknown; granted?: unknown };
    return typeof origin === 'string' && ORIGIN_PATTERN.test(origin) && typeof granted === 'boolean' ? { type, origin, granted } : undefined;
  }
  return { type } as Request;
}
