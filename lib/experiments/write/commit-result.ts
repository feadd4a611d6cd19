import type { GitHubErrorInfo } from '../../github/errors';
import { tooLarge } from './git-file-size';

/** The steps of one experiment commit, in order; `branch` and `pull-request` only for a new branch. */
export type CommitStep = 'branch' | 'commit' | 'pull-request';

export interface CommitProgress {
  step: CommitStep;
  state: 'started' | 'done';
  /** When done: the commit's or pull request's page. */
  url?: string;
}

/** Exactly what a run has on GitHub when it ends, whether it was made by this attempt or found from an earlier one. */
export interface Written {
  branch?: { name: string; sha: string };
  commit?: { oid: string; url: string; branch: string };
  pullRequest?: { number: number; url: string };
  /** A write GitHub may or may not have made: it did not answer, and reading back failed too. */
  unknown?: CommitStep;
}

export type CommitFailure =
  | { kind: 'nothing-to-commit' }
  /** Commit Lab has no GitHub token to write with. */
  | { kind: 'no-token' }
  /** The token's account is not the one signed in on the GitHub page the run was started from. */
  | { kind: 'wrong-account'; tokenLogin: string; pageLogin: string }
  /** The account may read the repository but not push to it. */
  | { kind: 'read-only'; login: string; repo: string }
  | { kind: 'branch-exists'; branch: string }
  /** Committing to the base branch from an older commit would undo these files' changes since. */
  | { kind: 'stale-base'; branch: string; head: string; files: string[] }
  /** The branch is not where the commit expected it (null: it is gone); re-plan on `head`. */
  | { kind: 'branch-moved'; branch: string; head: string | null }
  /** The new bytes of a file kept in git are not staged for this run (or not the size planned): the form stages them again on retry. */
  | { kind: 'file-missing'; path: string }
  /** A staged file above GitHub's file size limit: refused before anything is written. */
  | { kind: 'file-too-large'; path: string; size: number }
  /** What GitHub answered: bad credentials, SSO, a missing permission, a rate limit, unavailable… */
  | { kind: 'github'; error: GitHubErrorInfo };

export type CommitExperimentResult =
  | { ok: true; branch: string; commit: { oid: string; url: string }; pullRequest?: { number: number; url: string }; written: Written; message: string }
  | { ok: false; failure: CommitFailure; written: Written; message: string };

const short = (sha: string) => sha.slice(0, 7);

function failureSentence(failure: CommitFailure): string {
  switch (failure.kind) {
    case 'nothing-to-commit':
      return 'Nothing to commit: these changes leave every file as it is.';
    case 'no-token':
      return 'Commit Lab has no GitHub token: set one in its options.';
    case 'wrong-account':
      return `Your Commit Lab token belongs to ${failure.tokenLogin}, but ${failure.pageLogin} is signed in on GitHub: sign in as ${failure.tokenLogin}, or give Commit Lab a token of ${failure.pageLogin}.`;
    case 'read-only':
      return `${failure.login} can read ${failure.repo} but not push to it: committing needs write access.`;
    case 'branch-exists':
      return `A branch named ${failure.branch} exists already: choose another name (Commit Lab never writes to a branch it did not create).`;
    case 'stale-base':
      return `${failure.files.join(', ')} changed on ${failure.branch} since the commit you started from: start again from its head (${short(failure.head)}) so those changes are not undone.`;
    case 'branch-moved':
      return failure.head === null
        ? `${failure.branch} no longer exists.`
        : `${failure.branch} moved to ${short(failure.head)} while committing: check the change against the new head and commit again.`;
    case 'file-missing':
      return `The new bytes of ${failure.path} did not reach Commit Lab's background (the form was reloaded, or the browser's storage is full): choose the file again if it is no longer listed, and retry.`;
    case 'file-too-large':
      return tooLarge(failure.path, failure.size);
    case 'github':
      return failure.error.message;
  }
}

function writtenSentence(written: Written): string {
  if (written.unknown === 'pull-request') return 'GitHub did not say whether the pull request was opened; retrying will not open a second one.';
  if (written.unknown) return `GitHub did not say whether the ${written.unknown} was made; retrying is safe: it will not be made twice.`;
  if (written.commit) {
    return `Your commit ${short(written.commit.oid)} is on ${written.commit.branch}${written.pullRequest ? '' : '; the pull request was not opened: retry to open it'}.`;
  }
  if (written.branch)
    return `Branch ${written.branch.name} was created at ${short(written.branch.sha)}; nothing was committed to it yet: retrying continues on it.`;
  return 'Nothing was written.';
}

export function failed(failure: CommitFailure, written: Written): CommitExperimentResult {
  return { ok: false, failure, written, message: `${failureSentence(failure)} ${writtenSentence(written)}` };
}

export function succeeded(branch: string, written: Written & { commit: NonNullable<Written['commit']> }): CommitExperimentResult {
  const { commit, pullRequest } = written;
  return {
    ok: true,
    branch,
    commit: { oid: commit.oid, url: commit.url },
    ...(pullRequest ? { pullRequest } : {}),
    written,
    message: `Committed ${short(commit.oid)} to ${branch}${pullRequest ? `; pull request #${pullRequest.number} is open` : ''}.`,
  };
}
