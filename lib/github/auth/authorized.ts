import type { Account } from './account';
import { BadCredentialsError, MissingPermissionError } from '../errors';
import { lacksOfPermissions } from './lacks';
import type { Session } from './session';

/**
 * Runs `run` with what `make` builds on the signed-in account's token (a client, or something
 * holding one): refreshed before it expires; after a 401, refreshed once and run again; refused
 * again, signed out. A fine-grained token's first 403 in `repo` is remembered for the options
 * page. Signed out: `BadCredentialsError`.
 */
export async function withAccount<C, T>(session: Session, make: (account: Account) => C, run: (made: C) => Promise<T>, repo?: string): Promise<T> {
  const account = await session.current();
  if (!account) throw new BadCredentialsError();
  try {
    return await noting(session, account, repo, () => run(make(account)));
  } catch (error) {
    if (!(error instanceof BadCredentialsError)) throw error;
    const next = await session.unauthorized(account.accessToken);
    if (!next) throw error;
    try {
      return await noting(session, next, repo, () => run(make(next)));
    } catch (again) {
      if (again instanceof BadCredentialsError) await session.refused(next);
      throw again;
    }
  }
}

async function noting<T>(session: Session, account: Account, repo: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (repo && error instanceof MissingPermissionError && error.tokenKind === 'fine-grained' && !account.repoLacks[repo]) {
      const words = lacksOfPermissions(error.needed);
      await session.update(account.accessToken, (a) => ({ ...a, repoLacks: { ...a.repoLacks, [repo]: words } }));
    }
    throw error;
  }
}
