import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { tokenStatus } from './token-status';

export async function tokenSave(request: Request<'token-save'>, context: BackgroundContext): Promise<TokenStatus> {
  const token = request.token.trim();
  if (!token || /\s/.test(token)) throw new Error('A token is one word without spaces');
  await context.tokens.set(token);
  return tokenStatus(request, context);
}
