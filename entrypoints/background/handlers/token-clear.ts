import { SIGNED_OUT } from '../../../lib/github/auth/account';
import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { tokenStatus } from './token-status';

/** Signing out forgets every secret: the account goes as a whole. */
export async function tokenClear(request: Request<'token-clear'>, context: BackgroundContext): Promise<TokenStatus> {
  await context.accounts.set(SIGNED_OUT);
  return tokenStatus(request, context);
}
