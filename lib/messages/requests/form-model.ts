import type { DataVersion } from '../../experiments/form/data-versions';
import type { FormModel } from '../../experiments/form/project-at-commit';
import type { RepoRef } from '../../experiments/types';
import type { RateBucket } from '../../github/rate-limit';
import { isCount, isMd5, isName, isOwner, isPath, isRepoName, isSha, record } from '../fields';

/** The Run form's start: the project at a commit, or what stopped reading it, in words. */
export type FormModelReply = { ok: true; model: FormModel } | { ok: false; message: string };

/** Where a branch points now (null: no such branch), or why it could not be read. */
export type BranchHeadReply = { ok: true; head: string | null } | { ok: false; message: string };

/** What is left of the account's REST and GraphQL rate limits, or why it could not be read. */
export type RateLimitReply = { ok: true; core: RateBucket; graphql: RateBucket } | { ok: false; message: string };

/** Recent commits, newest first (null: no such branch, commit or pull request), or why they could not be read. */
export type BranchCommitsReply = { ok: true; commits: { oid: string; url: string; message: string }[] | null } | { ok: false; message: string };

export function repoOf(value: unknown): RepoRef | undefined {
  const repo = record(value);
  return repo && isOwner(repo.owner) && isRepoName(repo.name) ? { owner: repo.owner, name: repo.name } : undefined;
}

export function parseFormModel(message: Readonly<Record<string, unknown>>): { repo: RepoRef; sha: string } | undefined {
  const repo = repoOf(message.repo);
  return repo && isSha(message.sha) ? { repo, sha: message.sha } : undefined;
}

/** Whose recent commits: a branch's, a commit's history (a commit page), or a pull request's. */
export type CommitsFrom = { branch: string } | { sha: string } | { pr: number };

export function parseRecentCommits(message: Readonly<Record<string, unknown>>): { repo: RepoRef; from: CommitsFrom } | undefined {
  const repo = repoOf(message.repo);
  const from = record(message.from);
  if (!repo || !from) return undefined;
  if (isName(from.branch)) return { repo, from: { branch: from.branch } };
  if (isSha(from.sha)) return { repo, from: { sha: from.sha } };
  if (isCount(from.pr) && from.pr > 0) return { repo, from: { pr: from.pr } };
  return undefined;
}

export function parseBranchHead(message: Readonly<Record<string, unknown>>): { repo: RepoRef; branch: string } | undefined {
  const repo = repoOf(message.repo);
  return repo && isName(message.branch) ? { repo, branch: message.branch } : undefined;
}

/** Other versions of a DVC-tracked input from the project's history, or why they could not be read. */
export type DataVersionsReply = { ok: true; versions: DataVersion[] } | { ok: false; message: string };

export interface DataVersionsRequest {
  repo: RepoRef;
  sha: string;
  input: { path: string; dvcFile: string; md5?: string; hashGeneration: '2' | '3' };
}

export function parseDataVersions(message: Readonly<Record<string, unknown>>): DataVersionsRequest | undefined {
  const repo = repoOf(message.repo);
  const input = record(message.input);
  if (!repo || !isSha(message.sha) || !input || !isPath(input.path) || !isPath(input.dvcFile)) return undefined;
  if ((input.md5 !== undefined && !isMd5(input.md5)) || (input.hashGeneration !== '2' && input.hashGeneration !== '3')) return undefined;
  const md5 = isMd5(input.md5) ? { md5: input.md5 } : {};
  return { repo, sha: message.sha, input: { path: input.path, dvcFile: input.dvcFile, ...md5, hashGeneration: input.hashGeneration } };
}
