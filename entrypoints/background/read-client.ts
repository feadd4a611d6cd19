import { createGitHubClient, type GitHubClient } from '../../lib/github/client';
import type { BackgroundContext } from './context';

/** A client for reads with the stored token (anonymous without one: public repositories still read). */
export async function readClient(context: BackgroundContext): Promise<GitHubClient> {
  return createGitHubClient({ host: context.githubHost, token: await context.tokens.get() });
}
