import { SIGNED_OUT } from '../../../lib/github/auth/account';
import { enterpriseOriginOf } from '../../../lib/github/host';
import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { tokenStatus } from './token-status';

export async function hostRemove(request: Request<'host-remove'>, context: BackgroundContext): Promise<TokenStatus> {
  const origin = enterpriseOriginOf(request.origin);
  await context.hosts.remove(origin);
  const state = await context.accounts.get();
  // The account on a host Commit Lab may no longer reach goes with it, secrets and all.
  if (state.status === 'signed-in' && state.account.origin === origin) await context.accounts.set(SIGNED_OUT);
  return tokenStatus(request, context);
}
