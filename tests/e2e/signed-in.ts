import type { AccountState } from '../../lib/github/auth/account';

/** The storage.local key of the account and its secrets (the background's `account-store.ts`). */
export const ACCOUNT_KEY = 'githubAccount';

/**
 * What the background stores once signed in on github.com with a classic `repo` token: for tests
 * and the bench that are about something else than signing in (which they skip, writing this).
 */
export function signedInStorage(accessToken: string, login = 'octocat'): Record<string, AccountState> {
  return {
    [ACCOUNT_KEY]: {
      status: 'signed-in',
      account: { origin: 'https://github.com', login, avatarUrl: '', kind: 'classic', accessToken, lacks: [], repoLacks: {} },
    },
  };
}
