import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { savePastedToken } from '../sign-in';
import { tokenStatus } from './token-status';

export async function tokenSave(request: Request<'token-save'>, context: BackgroundContext): Promise<TokenStatus> {
  await savePastedToken(context, request.token, request.origin);
  return tokenStatus(request, context);
}
