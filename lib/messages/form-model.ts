import type { FormModel } from '../experiments/form/project-at-commit';
import type { RepoRef } from '../experiments/types';
import { isName, isOwner, isRepoName, isSha, record } from './fields';

/** The Run form's start: the project at a commit, or what stopped reading it, in words. */
export type FormModelReply = { ok: true; model: FormModel } | { ok: false; message: string };

/** Where a branch points now (null: no such branch), or why it could not be read. */
export type BranchHeadReply = { ok: true; head: string | null } | { ok: false; message: string };

function repoOf(value: unknown): RepoRef | undefined {
  const repo = record(value);
  return repo && isOwner(repo.owner) && isRepoName(repo.name) ? { owner: repo.owner, name: repo.name } : undefined;
}

export function parseFormModel(message: Readonly<Record<string, unknown>>): { repo: RepoRef; sha: string } | undefined {
  const repo = repoOf(message.repo);
  return repo && isSha(message.sha) ? { repo, sha: message.sha } : undefined;
}

export function parseBranchHead(message: Readonly<Record<string, unknown>>): { repo: RepoRef; branch: string } | undefined {
  const repo = repoOf(message.repo);
  return repo && isName(message.branch) ? { repo, branch: message.branch } : undefined;
}
