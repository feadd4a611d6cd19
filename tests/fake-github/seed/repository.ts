import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { GitRepo } from '../git/repo';
import type { Repository, Store } from '../store';
import { seedFromSnapshots, type SeedResult } from './snapshots';

/**
 * Creates `<root>/<owner>/<name>.git`, seeds it from a snapshot folder and registers it in the
 * store, with a user for every `login` the snapshots name and the store's default user as a
 * write collaborator: what startFakeGitHub (and so the CLI) does for each seed. The control API
 * has no seeding route.
 */
export async function seedRepository(
  store: Store,
  input: { owner: string; name: string; folder: string; root: string; defaultBranch?: string },
): Promise<{ repository: Repository; seed: SeedResult }> {
  const defaultBranch = input.defaultBranch ?? 'main';
  await mkdir(join(input.root, input.owner), { recursive: true });
  const git = await GitRepo.init(join(input.root, input.owner, `${input.name}.git`), defaultBranch);
  const seed = await seedFromSnapshots(git, input.folder, { defaultBranch });
  const repository = store.addRepository({ owner: input.owner, name: input.name, git, defaultBranch });
  // The fake's signed-in user works on what it seeds, as a project's developer does: it may push
  // (REST and GraphQL writes check the role). Tests wanting an outsider register another token.
  if (store.roleOf(repository, store.defaultUser.login) !== 'admin') repository.collaborators.set(store.defaultUser.login, 'write');
  for (const account of seed.accounts) {
    const user = store.user(account.login) ?? store.addUser({ login: account.login, name: account.name, email: account.email });
    if (!store.userByEmail(account.email)) (user.otherEmails ??= []).push(account.email);
  }
  return { repository, seed };
}
