import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { tokenStatus } from './token-status';

export async function tokenClear(request: Request<'token-clear'>, context: BackgroundContext): Promise<TokenStatus> {
  await context.tokens.clear();
  return tokenStatus(request, context);
}
