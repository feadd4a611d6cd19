import type { BackgroundContext } from '../context';

export async function openSignIn(_request: unknown, context: BackgroundContext): Promise<null> {
  await context.openSignIn();
  return null;
}
