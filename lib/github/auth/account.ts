import type { TokenKind } from './token-kind';

/**
 * The one account Commit Lab is signed in with: who, on which GitHub, with which secrets. Only the
 * background holds it (in storage.local); pages and content scripts get `AccountProfile`.
 */
export interface Account {
  /** The GitHub web origin: `https://github.com` or a GitHub Enterprise Server's. */
  origin: string;
  login: string;
  avatarUrl: string;
  kind: TokenKind;
  /** Sent only to the origin's API host. */
  accessToken: string;
  /** Milliseconds since the epoch; absent for tokens that do not expire. */
  expiresAt?: number;
  /** Sent only to the origin's OAuth host, to refresh an expiring App user token. */
  refreshToken?: string;
  refreshExpiresAt?: number;
  /** The device flow's client id, which refreshing needs. */
  clientId?: string;
  /** What the token cannot do, known when it was checked (a classic token's scopes). */
  lacks: string[];
  /** Per repository (`owner/name`), what GitHub's first 403 there said the token cannot do. */
  repoLacks: Record<string, string>;
}

export type AccountState =
  | { status: 'signed-in'; account: Account }
  /** `reason` says why a sign-in ended without the user asking (an expired or revoked token). */
  | { status: 'signed-out'; reason?: string; origin?: string; login?: string };

export const SIGNED_OUT: AccountState = { status: 'signed-out' };

/** The account without its secrets: all that leaves the background. */
export type AccountProfile = Omit<Account, 'accessToken' | 'refreshToken' | 'refreshExpiresAt'>;

export function profileOf({ accessToken: _a, refreshToken: _r, refreshExpiresAt: _e, ...profile }: Account): AccountProfile {
  return profile;
}

export function signedOut(account: Pick<Account, 'origin' | 'login'>, reason: string): AccountState {
  return { status: 'signed-out', reason, origin: account.origin, login: account.login };
}
