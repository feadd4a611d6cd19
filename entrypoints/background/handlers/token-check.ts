import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { recheck } from '../sign-in';
import { tokenStatus } from './token-status';

export async function tokenCheck(request: Request<'token-check'>, context: BackgroundContext): Promise<TokenStatus> {
  await recheck(context);
  return tokenStatus(request, context);
}
