import type { Request, TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';
import { tokenStatus } from './token-status';

export async function deviceWait(request: Request<'device-wait'>, context: BackgroundContext): Promise<TokenStatus> {
  await context.device.wait();
  return tokenStatus(request, context);
}
