import { enterpriseOriginOf } from '../../../lib/github/host';
import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { tokenStatus } from './token-status';

export async function hostAdd(request: Request<'host-add'>, context: BackgroundContext): Promise<TokenStatus> {
  await context.hosts.add(enterpriseOriginOf(request.origin));
  return tokenStatus(request, context);
}
