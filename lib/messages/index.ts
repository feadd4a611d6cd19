import type { AccountProfile } from '../github/account';

/**
 * The typed messages extension pages and content scripts send to the background, which owns
 * the token and every network request. Each request type maps to its reply type in `Replies`.
 */
export interface Requests {
  /** Who is signed in, where, and what the token cannot do. Anyone may ask; no secret ever leaves the background. */
  'token-status': Record<never, never>;
  /** Check the signed-in account with GitHub now (refreshing or signing out as GitHub answers). Extension pages only. */
  'token-check': Record<never, never>;
  /** Sign in with a pasted token, checked against `origin`'s API at once. Extension pages only. */
  'token-save': { token: string; origin: string };
  /** Sign out: every secret is forgotten. Extension pages only. */
  'token-clear': Record<never, never>;
  /** Start the device flow for an App's client id on `origin`; the background polls. Extension pages only. */
  'device-start': { origin: string; clientId: string };
  /** Resolves when the device flow started last ends: signed in, or rejected in words. Extension pages only. */
  'device-wait': Record<never, never>;
  /** After `permissions.request` granted it: run on this GitHub Enterprise origin. Extension pages only. */
  'host-add': { origin: string };
  /** Stop running on a GitHub Enterprise origin and give its permission back. Extension pages only. */
  'host-remove': { origin: string };
}

export interface TokenStatus {
  /** Whether an account is signed in. */
  set: boolean;
  account?: AccountProfile;
  /** Why the last sign-in ended without the user asking (an expired or revoked token). */
  signedOut?: { reason: string; origin?: string; login?: string };
  /** The GitHub Enterprise origins Commit Lab runs on. */
  hosts: string[];
  /** The device flow's client id last used per origin. */
  clientIds: Record<string, string>;
}

export interface DeviceCodeView {
  userCode: string;
  verificationUri: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface Replies {
  'token-status': TokenStatus;
  'token-check': TokenStatus;
  'token-save': TokenStatus;
  'token-clear': TokenStatus;
  'device-start': DeviceCodeView;
  'device-wait': TokenStatus;
  'host-add': TokenStatus;
  'host-remove': TokenStatus;
}

export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = { [K in T]: { type: K } & Requests[K] }[T];

/** Each request's string fields; a request is accepted only when every one of them is a string. */
const FIELDS: { [K in RequestType]: readonly (keyof Requests[K])[] } = {
  'token-status': [],
  'token-check': [],
  'token-save': ['token', 'origin'],
  'token-clear': [],
  'device-start': ['origin', 'clientId'],
  'device-wait': [],
  'host-add': ['origin'],
  'host-remove': ['origin'],
};

const isType = (type: unknown): type is RequestType => typeof type === 'string' && Object.hasOwn(FIELDS, type);

/** Messages cross a trust boundary (a content script runs beside GitHub's page): check their shape. */
export function parseRequest(value: unknown): Request | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type } = value as { type?: unknown };
  if (!isType(type)) return undefined;
  const request: Record<string, string> = { type };
  for (const field of FIELDS[type] as readonly string[]) {
    const text = (value as Record<string, unknown>)[field];
    if (typeof text !== 'string') return undefined;
    request[field] = text;
  }
  return request as Request;
}
