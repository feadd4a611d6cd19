import type { TokenStatus } from '../../../lib/messages';
import type { BackgroundContext } from '../context';

export async function tokenStatus(_request: unknown, { tokens }: BackgroundContext): Promise<TokenStatus> {
  return { set: (await tokens.get()) !== null };
}
