import { GitHubError } from '../../lib/github/errors';
import { GITHUB_ORIGIN } from '../../lib/github/host';
import { identify } from '../../lib/github/auth/identify';
import type { Tokens } from '../../lib/github/auth/oauth';
import { isRefreshToken } from '../../lib/github/auth/token-kind';
import type { BackgroundDeps } from './context';

/** Sign-in happens on github.com or on a GitHub Enterprise origin Commit Lab was given access to. */
export async function knownOrigin({ settings }: Pick<BackgroundDeps, 'settings'>, origin: string): Promise<string> {
  if (origin === GITHUB_ORIGIN || (await settings.origins()).includes(origin)) return origin;
  throw new Error(`Add ${origin} as a GitHub Enterprise host first`);
}

/**
 * Checks `tokens` against the origin's API at once (who it is, what it cannot do) and makes it the
 * one account, replacing any other with all its secrets. A token GitHub refuses is not kept.
 */
export async function signIn(deps: Pick<BackgroundDeps, 'accounts' | 'clientFor'>, origin: string, tokens: Tokens, clientId?: string): Promise<void> {
  const identity = await identify(deps.clientFor(origin, tokens.accessToken), tokens.accessToken);
  await deps.accounts.set({ status: 'signed-in', account: { origin, ...identity, ...tokens, ...(clientId && { clientId }), repoLacks: {} } });
}

/** A pasted token: one word, not a refresh token. */
export async function savePastedToken(deps: Pick<BackgroundDeps, 'accounts' | 'clientFor' | 'settings'>, pasted: string, origin: string): Promise<void> {
  const token = pasted.trim();
  if (!token || /\s/.test(token)) throw new Error('A token is one word without spaces');
  if (isRefreshToken(token)) throw new Error('This is a refresh token (ghr_…): paste an access token, or sign in with the device flow');
  await signIn(deps, await knownOrigin(deps, origin), { accessToken: token });
}

/**
 * Asks GitHub who the signed-in token is now: an expiring token is refreshed on the way, a revoked
 * one signs out (the status then says why). GitHub being unreachable changes nothing.
 */
export async function recheck(deps: Pick<BackgroundDeps, 'github' | 'session'>): Promise<void> {
  const before = await deps.session.account();
  if (!before) return;
  try {
    const identity = await deps.github.call((client) => identify(client, before.accessToken));
    const now = await deps.session.account();
    if (now) await deps.session.update(now.accessToken, (a) => ({ ...a, login: identity.login, avatarUrl: identity.avatarUrl, lacks: identity.lacks }));
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
  }
}
