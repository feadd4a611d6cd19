import type { AccountProfile } from '../../github/auth/account';

/** What the sign-in requests reply: the account without its secrets, or why it is signed out. */
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
