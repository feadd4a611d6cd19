import { profileOf } from '../../../lib/github/auth/account';
import type { TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

/** The account as pages and content scripts see it: no secret in it. */
export async function tokenStatus(_request: unknown, { accounts, settings }: Pick<BackgroundContext, 'accounts' | 'settings'>): Promise<TokenStatus> {
  const [state, hosts, clientIds] = await Promise.all([accounts.get(), settings.origins(), settings.clientIds()]);
  if (state.status === 'signed-in') return { set: true, account: profileOf(state.account), hosts, clientIds };
  const { reason, origin, login } = state;
  return { set: false, ...(reason && { signedOut: { reason, ...(origin && { origin }), ...(login && { login }) } }), hosts, clientIds };
}
