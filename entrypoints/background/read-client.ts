import type { GitHubClient } from '../../lib/github/client';
import type { BackgroundContext } from './context';

/** The session's client for the Run form's reads (the one the rows use), or an error a person can act on. */
export async function readClient(context: BackgroundContext): Promise<GitHubClient> {
  const session = await context.github.experiments();
  if (!session) throw new Error('Set a GitHub token in Commit Lab’s options first.');
  return session.client;
}
