import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { GitRepo } from '../git/repo';
import { runGit } from '../git/run';
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
  const repository = register(store, { owner: input.owner, name: input.name, git, defaultBranch });
  for (const account of seed.accounts) {
    const user = store.user(account.login) ?? store.addUser({ login: account.login, name: account.name, email: account.email });
    if (!store.userByEmail(account.email)) (user.otherEmails ??= []).push(account.email);
  }
  return { repository, seed };
}

/**
 * Registers a bare repository in the store. The fake's signed-in user works on it as a project's
 * developer does: it may push (REST and GraphQL writes check the role). Tests wanting an outsider
 * register another token.
 */
export function register(store: Store, input: { owner: string; name: string; git: GitRepo; defaultBranch: string }): Repository {
  const repository = store.addRepository(input);
  if (store.roleOf(repository, store.defaultUser.login) !== 'admin') repository.collaborators.set(store.defaultUser.login, 'write');
  return repository;
}

export interface GitSpec {
  owner: string;
  name: string;
  /** An existing git repository, bare or not. */
  path: string;
}

/**
 * Serves an existing git repository as it is: a mirror clone into `<root>/<owner>/<name>.git`
 * keeps every branch and tag (and nothing else: a working copy's remote-tracking refs and stash
 * are not branches on GitHub); the default branch is the one its HEAD names.
 */
export async function importGitRepository(
  store: Store,
  input: GitSpec & { root: string },
): Promise<{ repository: Repository; branches: string[]; tags: string[] }> {
  await mkdir(join(input.root, input.owner), { recursive: true });
  const gitDir = join(input.root, input.owner, `${input.name}.git`);
  await runGit(gitDir, ['clone', '--quiet', '--mirror', '--', resolve(input.path), gitDir]);
  const git = new GitRepo(gitDir);
  const refs = (await git.run(['for-each-ref', '--format=%(refname)'])).toString('utf8').split('\n').filter(Boolean);
  for (const ref of refs) if (!ref.startsWith('refs/heads/') && !ref.startsWith('refs/tags/')) await git.run(['update-ref', '-d', ref]);
  const head = (await git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'])).toString('utf8').trim();
  const repository = register(store, { owner: input.owner, name: input.name, git, defaultBranch: head });
  const kept = refs.filter((r) => r.startsWith('refs/heads/') || r.startsWith('refs/tags/'));
  return {
    repository,
    branches: kept.filter((r) => r.startsWith('refs/heads/')).map((r) => r.slice('refs/heads/'.length)),
    tags: kept.filter((r) => r.startsWith('refs/tags/')).map((r) => r.slice('refs/tags/'.length)),
  };
}
