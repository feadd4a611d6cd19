import { blobOidsAt } from '../../github/write/blob-oids';
import type { GitHubClient } from '../../github/client';
import { commitOnBranch } from '../../github/write/commit-on-branch';
import { createBranch } from '../../github/write/create-branch';
import { GitHubError, MissingPermissionError, NotFoundError, UnavailableError } from '../../github/errors';
import { openPullRequest } from '../../github/write/pull-requests';
import { recentCommits, type BranchCommits } from '../../github/write/recent-commits';
import { repositoryAccess, tokenAccount } from '../../github/write/write-access';
import { failed, succeeded, type CommitExperimentResult, type CommitFailure, type CommitProgress, type CommitStep, type Written } from './commit-result';
import { toBase64 } from './base64';
import { GITHUB_FILE_LIMIT } from './git-file-size';
import type { ExperimentPlan } from './plan';
import { pullRequestBody } from './pull-request-body';
import type { RunLedger } from './run-ledger';
import type { StagedFiles } from './staged-files';
import type { RepoRef } from '../types';

/** The trailer that marks a run's commit, so a retry recognises it instead of committing again. */
export const RUN_TRAILER = 'Commit-Lab-Run';

export interface CommitExperimentRequest {
  repo: RepoRef;
  baseBranch: string;
  /** The commit the plan was made from. */
  fromSha: string;
  /** The base branch itself, or a new branch (created at `fromSha`) with a pull request to the base. */
  target: 'base' | { newBranch: string };
  plan: Pick<ExperimentPlan, 'files' | 'replaced' | 'params' | 'data'>;
  /** The commit's subject, and the pull request's title. */
  message: string;
  /** The commit's body (before the run trailer), and the start of the pull request's body. */
  description: string;
  /** The user signed in on the GitHub page the run started from (`meta[name="user-login"]`). */
  pageLogin: string;
  /** One uuid per run, the same for every retry of it. */
  runId: string;
}

export interface CommitExperimentOptions {
  ledger: RunLedger;
  /** Where the bytes of the plan's `replaced` files wait, under the run's id (none: such a plan fails with file-missing). */
  staged?: Pick<StagedFiles, 'get'>;
  onProgress?: (progress: CommitProgress) => void;
}

const hasTrailer = (message: string, runId: string) => message.split('\n').some((line) => line.trim() === `${RUN_TRAILER}: ${runId}`);
const runCommit = (recent: BranchCommits | null, runId: string) => recent?.commits.find((c) => hasTrailer(c.message, runId));

/** Thrown inside the run to end it with a failure; everything written so far is in the run's `written`. */
class Stop extends Error {
  constructor(readonly failure: CommitFailure) {
    super(failure.kind);
  }
}

/**
 * One experiment commit, never clobbering anything: the token's account checked against the
 * page's before any write; a new branch created at `fromSha` by compare-and-swap (an existing
 * name refused, unless it is this run's own), or the base branch used only when no touched file
 * changed since `fromSha`; every file in one `createCommitOnBranch` with `expectedHeadOid`;
 * then, for a new branch, its pull request. Mutations are sent once; after an answer that leaves
 * the outcome open (no answer, 5xx, STALE_DATA) the branch is read back, and a commit carrying
 * this run's trailer counts as done. The result says exactly what is on GitHub.
 */
export async function commitExperiment(
  client: GitHubClient,
  request: CommitExperimentRequest,
  options: CommitExperimentOptions,
): Promise<CommitExperimentResult> {
  const run = new Run(client, request, options);
  try {
    return await run.go();
  } catch (error) {
    if (error instanceof Stop) return failed(error.failure, run.written);
    if (error instanceof GitHubError) return failed({ kind: 'github', error: error.info() }, run.written);
    throw error;
  }
}

class Run {
  readonly written: Written = {};
  private readonly repoName: string;
  /** Whether the token is a classic one (scopes) rather than fine-grained or an App's (permissions). */
  private scoped = false;

  constructor(
    private readonly client: GitHubClient,
    private readonly request: CommitExperimentRequest,
    private readonly options: CommitExperimentOptions,
  ) {
    this.repoName = `${request.repo.owner}/${request.repo.name}`;
  }

  private progress(step: CommitStep, state: CommitProgress['state'], url?: string): void {
    this.options.onProgress?.({ step, state, ...(url ? { url } : {}) });
  }

  /** A read that settles a write: if it fails too, the write's outcome stays unknown. */
  private async settle<T>(step: CommitStep, read: () => Promise<T>): Promise<T> {
    this.written.unknown = step;
    const value = await read();
    delete this.written.unknown;
    return value;
  }

  async go(): Promise<CommitExperimentResult> {
    const { request } = this;
    if (request.plan.files.length + request.plan.replaced.length === 0) throw new Stop({ kind: 'nothing-to-commit' });
    // Every byte to commit is at hand before anything is written.
    const additions = [...request.plan.files.map((f) => ({ path: f.path, contents: f.base64 })), ...(await this.stagedAdditions())];
    await this.checkAccount();
    const newBranch = request.target === 'base' ? null : request.target.newBranch;
    const branch = newBranch ?? request.baseBranch;
    const expected = newBranch ? await this.branchFromStart(newBranch) : await this.baseHead();
    // A commit found from an earlier attempt of this run is reported done without a start.
    if (this.written.commit) this.progress('commit', 'done', this.written.commit.url);
    else await this.commit(branch, expected, additions);
    if (newBranch) await this.pullRequest(newBranch);
    return succeeded(branch, { ...this.written, commit: this.written.commit! });
  }

  /** The staged bytes of each replaced file, exactly the size planned and within GitHub's limit. */
  private async stagedAdditions(): Promise<{ path: string; contents: string }[]> {
    const { request, options } = this;
    const additions = [];
    for (const { path, size } of request.plan.replaced) {
      if (size > GITHUB_FILE_LIMIT) throw new Stop({ kind: 'file-too-large', path, size });
      const blob = await options.staged?.get(request.runId, path);
      if (!blob || blob.size !== size) throw new Stop({ kind: 'file-missing', path });
      additions.push({ path, contents: toBase64(new Uint8Array(await blob.arrayBuffer())) });
    }
    return additions;
  }

  private async checkAccount(): Promise<void> {
    const { client, request } = this;
    const account = await tokenAccount(client);
    this.scoped = account.scopes !== null;
    // GitHub logins are case-insensitive.
    if (account.login.toLowerCase() !== request.pageLogin.toLowerCase()) {
      throw new Stop({ kind: 'wrong-account', tokenLogin: account.login, pageLogin: request.pageLogin });
    }
    const access = await repositoryAccess(client, request.repo, account);
    if (!access.push) throw new Stop({ kind: 'read-only', login: account.login, repo: this.repoName });
    if (access.missingScopes.length > 0) throw new MissingPermissionError(access.missingScopes, 'classic');
  }

  /**
   * The head to commit on for the base branch: refused when a file the plan writes differs
   * between `fromSha` and the head (the commit would silently undo that change), unless it is
   * this run's own commit, already there.
   */
  private async baseHead(): Promise<string> {
    const { client, request } = this;
    const paths = [...request.plan.files, ...request.plan.replaced].map((f) => f.path);
    const [head, from] = await blobOidsAt(client, request.repo, [`refs/heads/${request.baseBranch}`, request.fromSha], paths);
    if (!head) throw new NotFoundError(`the branch ${request.baseBranch} of ${this.repoName}`);
    if (!from) throw new NotFoundError(`the commit ${request.fromSha} in ${this.repoName}`);
    const changed = paths.filter((path) => head.blobs.get(path) !== from.blobs.get(path));
    if (changed.length === 0) return head.commit;
    const ours = runCommit(await recentCommits(client, request.repo, request.baseBranch), request.runId);
    if (!ours) throw new Stop({ kind: 'stale-base', branch: request.baseBranch, head: head.commit, files: changed });
    this.written.commit = { oid: ours.oid, url: ours.url, branch: request.baseBranch };
    return head.commit;
  }

  /** The new branch at `fromSha`: created now, or this run's own from an earlier attempt; any other is refused. */
  private async branchFromStart(name: string): Promise<string> {
    const { client, request, options } = this;
    this.progress('branch', 'started');
    let outcome: 'created' | 'exists' | 'unknown';
    try {
      outcome = await createBranch(client, request.repo, name, request.fromSha);
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      outcome = 'unknown';
    }
    if (outcome !== 'created') {
      const read = () => recentCommits(client, request.repo, name);
      const recent = outcome === 'unknown' ? await this.settle('branch', read) : await read();
      const ours = runCommit(recent, request.runId);
      if (outcome === 'unknown' && !recent) throw new UnavailableError(undefined);
      if (ours) {
        this.written.commit = { oid: ours.oid, url: ours.url, branch: name };
      } else {
        // Created by the request that got no answer, or by an earlier attempt of this run: at the start commit, nothing on it.
        const mine = outcome === 'unknown' || (await options.ledger.branchOf(request.runId)) === name;
        if (!mine || recent?.head !== request.fromSha) throw new Stop({ kind: 'branch-exists', branch: name });
      }
    }
    await options.ledger.recordBranch(request.runId, name);
    this.written.branch = { name, sha: request.fromSha };
    this.progress('branch', 'done');
    return request.fromSha;
  }

  /**
   * The one commit. Sent once; when the answer leaves the outcome open, the branch's recent
   * commits decide: this run's trailer → done; the head elsewhere → branch moved; the head still
   * where it was after no answer → not made, and sent once more (the same `expectedHeadOid` makes
   * a second commit impossible).
   */
  private async commit(branch: string, expected: string, additions: { path: string; contents: string }[]): Promise<void> {
    const { client, request } = this;
    this.progress('commit', 'started');
    const body = [request.description.trim(), `${RUN_TRAILER}: ${request.runId}`].filter(Boolean).join('\n\n');
    const input = {
      branch,
      expectedHeadOid: expected,
      headline: request.message,
      body,
      additions,
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      let answer: Awaited<ReturnType<typeof commitOnBranch>> | 'no answer';
      try {
        answer = await commitOnBranch(client, request.repo, input);
      } catch (error) {
        // GraphQL's FORBIDDEN names no permission; a commit needs Contents write (classic scopes were checked before).
        if (error instanceof MissingPermissionError && error.needed.length === 0 && !this.scoped)
          throw new MissingPermissionError(['contents=write'], 'fine-grained');
        if (!(error instanceof UnavailableError)) throw error;
        answer = 'no answer';
      }
      if (answer !== 'no answer' && answer.kind === 'committed') {
        this.written.commit = { oid: answer.oid, url: answer.url, branch };
        break;
      }
      const recent = await this.settle('commit', () => recentCommits(client, request.repo, branch));
      const ours = runCommit(recent, request.runId);
      if (ours) {
        this.written.commit = { oid: ours.oid, url: ours.url, branch };
        break;
      }
      if (answer !== 'no answer' || recent?.head !== expected) throw new Stop({ kind: 'branch-moved', branch, head: recent?.head ?? null });
    }
    if (!this.written.commit) throw new UnavailableError(undefined);
    this.progress('commit', 'done', this.written.commit.url);
  }

  /** The pull request to the base; GitHub refuses a second open one for the head, which counts as done. */
  private async pullRequest(head: string): Promise<void> {
    const { client, request } = this;
    this.progress('pull-request', 'started');
    const input = { head, base: request.baseBranch, title: request.message, body: pullRequestBody(request.description, request.plan) };
    let opened;
    try {
      opened = await openPullRequest(client, request.repo, input);
    } catch (error) {
      if (!(error instanceof UnavailableError)) throw error;
      // No answer: sending it again cannot open a second one (GitHub allows one open PR per head and base).
      opened = await this.settle('pull-request', () => openPullRequest(client, request.repo, input));
    }
    this.written.pullRequest = { number: opened.number, url: opened.url };
    this.progress('pull-request', 'done', opened.url);
  }
}
