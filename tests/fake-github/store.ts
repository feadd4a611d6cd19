import { systemClock, type Clock } from './clock';
import type { GitRepo, RefMove } from './git/repo';
import { TokenRegistry } from './tokens';

/**
 * The fake's in-memory world around the git repositories: who the users are, which token is
 * whose, and the GitHub-only data git does not hold (pull requests, CI, comments). Tests and
 * the control API seed it; the GraphQL and REST handlers read and write it. Ids are handed
 * out from one counter so every `databaseId` in a run is unique, as on GitHub.
 */

export interface User {
  login: string;
  databaseId: number;
  name: string;
  email: string;
  /** Further emails GitHub links to the account (its verified emails), e.g. from commit.json logins. */
  otherEmails?: string[];
  type: 'User' | 'Bot';
}

export interface Comment {
  databaseId: number;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Commit comments: the commit they sit on (and optionally a file line). */
  commitOid?: string;
  path?: string;
  line?: number;
}

export interface PullRequest {
  number: number;
  databaseId: number;
  title: string;
  body: string;
  headRefName: string;
  baseRefName: string;
  /** Head commit when the PR was last updated; the live head is read from the branch. */
  headRefOid: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  author: string;
  createdAt: string;
  comments: Comment[];
}

/** A check run as GitHub Actions (or CML's `cml check create`) reports it on a commit. */
export interface CheckRun {
  databaseId: number;
  headSha: string;
  name: string;
  status: 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'WAITING' | 'PENDING' | 'REQUESTED';
  conclusion: 'SUCCESS' | 'FAILURE' | 'NEUTRAL' | 'CANCELLED' | 'TIMED_OUT' | 'ACTION_REQUIRED' | 'SKIPPED' | 'STALE' | 'STARTUP_FAILURE' | null;
  detailsUrl: string | null;
  startedAt: string | null;
  completedAt: string | null;
  /** The Actions run behind it, if any (`checkSuite.workflowRun`). */
  workflowRunId: number | null;
  workflowName: string | null;
  /** What the creator reported (REST `output`, `external_id`), e.g. CML's report summary. */
  output?: { title: string | null; summary: string | null; text: string | null };
  externalId?: string | null;
}

/** A commit status (REST `POST /statuses/{sha}`), GraphQL `StatusContext`. */
export interface CommitStatus {
  databaseId: number;
  sha: string;
  context: string;
  state: 'ERROR' | 'EXPECTED' | 'FAILURE' | 'PENDING' | 'SUCCESS';
  targetUrl: string | null;
  description: string | null;
  creator: string;
  createdAt: string;
}

/** A GitHub Actions workflow run; its jobs are the check runs whose `workflowRunId` is its id. */
export interface WorkflowRun {
  databaseId: number;
  name: string;
  /** Workflow file, e.g. `.github/workflows/train.yml`. */
  path: string;
  headSha: string;
  headBranch: string | null;
  event: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | null;
  runNumber: number;
  createdAt: string;
  updatedAt: string;
}

/** What happened in the store that GitHub would fire a webhook event for (the fake's CI listens). */
export type StoreEvent = { kind: 'push'; repo: Repository; move: RefMove } | { kind: 'pull_request_opened'; repo: Repository; pr: PullRequest };

export type RepositoryRole = 'read' | 'write' | 'admin';

export interface Repository {
  owner: string;
  name: string;
  databaseId: number;
  git: GitRepo;
  defaultBranch: string;
  isPrivate: boolean;
  pullRequests: PullRequest[];
  checkRuns: CheckRun[];
  statuses: CommitStatus[];
  commitComments: Comment[];
  workflowRuns: WorkflowRun[];
  /** Users with a role besides the owner (admin) and, on public repositories, everyone (read). */
  collaborators: Map<string, RepositoryRole>;
  /**
   * Commits GitHub itself made (createCommitOnBranch, web edits): GitHub signs these as
   * web-flow and reports them verified. The fake does not gpg-sign, it remembers them here.
   */
  webCommits: Set<string>;
}

/** One primary rate-limit bucket (`core`, `graphql`, …) of one user, as GitHub documents them. */
export interface RateBucket {
  resource: string;
  limit: number;
  used: number;
  /** Epoch seconds when `used` drops back to 0. */
  reset: number;
}

/** Documented primary limits per user and hour (REST core 5,000 requests; GraphQL 5,000 points). */
export const PRIMARY_LIMITS: Record<string, number> = { core: 5000, graphql: 5000, search: 30 };

export interface NewRepository {
  owner: string;
  name: string;
  git: GitRepo;
  defaultBranch?: string;
  isPrivate?: boolean;
}

export class Store {
  readonly users = new Map<string, User>();
  /** Which token is whose and what it may do; any token not registered belongs to the default user. */
  readonly tokens: TokenRegistry = new TokenRegistry(this);
  readonly repositories = new Map<string, Repository>();
  private readonly buckets = new Map<string, RateBucket>();
  /** Where `url` fields point: github.com, as GitHub answers, unless a test serves pages elsewhere. */
  webBase = 'https://github.com';
  /** When rate-limit windows reset; startFakeGitHub gives the store the server's clock. */
  clock: Clock = systemClock;
  private nextDatabaseId = 1000;
  readonly defaultUser: User;
  /** Told of pushes (every ref move of every repository) and newly opened pull requests. */
  readonly observers = new Set<(event: StoreEvent) => void>();

  constructor(defaultLogin = 'octocat') {
    this.defaultUser = this.addUser({ login: defaultLogin });
  }

  newId(): number {
    return this.nextDatabaseId++;
  }

  addUser(input: { login: string; name?: string; email?: string; type?: User['type'] }): User {
    const user: User = {
      login: input.login,
      databaseId: this.newId(),
      name: input.name ?? input.login,
      email: input.email ?? `${input.login}@users.noreply.github.com`,
      type: input.type ?? (input.login.endsWith('[bot]') ? 'Bot' : 'User'),
    };
    this.users.set(user.login, user);
    return user;
  }

  user(login: string): User | undefined {
    return this.users.get(login);
  }

  /** The account a commit email belongs to, as GitHub links commits to users. */
  userByEmail(email: string): User | undefined {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((u) => u.email.toLowerCase() === wanted || u.otherEmails?.some((e) => e.toLowerCase() === wanted));
  }

  addRepository(input: NewRepository): Repository {
    const repo: Repository = {
      owner: input.owner,
      name: input.name,
      databaseId: this.newId(),
      git: input.git,
      defaultBranch: input.defaultBranch ?? 'main',
      isPrivate: input.isPrivate ?? false,
      pullRequests: [],
      checkRuns: [],
      statuses: [],
      commitComments: [],
      workflowRuns: [],
      collaborators: new Map(),
      webCommits: new Set(),
    };
    this.repositories.set(key(repo.owner, repo.name), repo);
    repo.git.refMoves.add((move) => this.emit({ kind: 'push', repo, move }));
    if (!this.users.has(repo.owner)) this.addUser({ login: repo.owner });
    return repo;
  }

  /** GitHub matches owner and name case-insensitively. */
  repository(owner: string, name: string): Repository | undefined {
    return this.repositories.get(key(owner, name));
  }

  repositoryById(databaseId: number): Repository | undefined {
    return [...this.repositories.values()].find((r) => r.databaseId === databaseId);
  }

  /** The role `login` has on `repo`: owner → admin, listed collaborators, public → read; else null. */
  roleOf(repo: Repository, login: string | null): RepositoryRole | null {
    if (login && login.toLowerCase() === repo.owner.toLowerCase()) return 'admin';
    const role = login ? repo.collaborators.get(login) : undefined;
    return role ?? (repo.isPrivate ? null : 'read');
  }

  addWorkflowRun(repo: Repository, input: Pick<WorkflowRun, 'headSha' | 'name'> & Partial<WorkflowRun>): WorkflowRun {
    const now = new Date().toISOString();
    const run: WorkflowRun = {
      path: `.github/workflows/${input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.yml`,
      headBranch: repo.defaultBranch,
      event: 'push',
      status: 'completed',
      conclusion: input.status && input.status !== 'completed' ? null : 'success',
      runNumber: repo.workflowRuns.length + 1,
      createdAt: now,
      updatedAt: now,
      ...input,
      databaseId: this.newId(),
    };
    repo.workflowRuns.push(run);
    return run;
  }

  addPullRequest(
    repo: Repository,
    input: Omit<PullRequest, 'number' | 'databaseId' | 'comments' | 'createdAt' | 'state' | 'isDraft' | 'author' | 'body'> & Partial<PullRequest>,
  ): PullRequest {
    // PRs and issues share one number sequence per repository on GitHub: a given `number` stands
    // for the issues before it; by default the PR takes the next free number.
    const pr: PullRequest = {
      state: 'OPEN',
      isDraft: false,
      author: this.defaultUser.login,
      body: '',
      createdAt: new Date().toISOString(),
      comments: [],
      ...input,
      number: input.number ?? Math.max(0, ...repo.pullRequests.map((p) => p.number)) + 1,
      databaseId: this.newId(),
    };
    if (repo.pullRequests.some((p) => p.number === pr.number)) throw new Error(`${repo.owner}/${repo.name}: #${pr.number} exists already`);
    repo.pullRequests.push(pr);
    if (pr.state === 'OPEN') this.emit({ kind: 'pull_request_opened', repo, pr });
    return pr;
  }

  addCheckRun(repo: Repository, input: Pick<CheckRun, 'headSha' | 'name'> & Partial<CheckRun>): CheckRun {
    const run: CheckRun = {
      status: 'COMPLETED',
      conclusion: input.status && input.status !== 'COMPLETED' ? null : 'SUCCESS',
      detailsUrl: null,
      startedAt: new Date().toISOString(),
      completedAt: input.status && input.status !== 'COMPLETED' ? null : new Date().toISOString(),
      workflowRunId: null,
      workflowName: null,
      ...input,
      databaseId: this.newId(),
    };
    repo.checkRuns.push(run);
    return run;
  }

  addStatus(repo: Repository, input: Pick<CommitStatus, 'sha' | 'context' | 'state'> & Partial<CommitStatus>): CommitStatus {
    const status: CommitStatus = {
      targetUrl: null,
      description: null,
      creator: this.defaultUser.login,
      createdAt: new Date().toISOString(),
      ...input,
      databaseId: this.newId(),
    };
    repo.statuses.push(status);
    return status;
  }

  addCommitComment(repo: Repository, input: Pick<Comment, 'commitOid' | 'body'> & Partial<Comment>): Comment {
    const comment = this.comment(input);
    repo.commitComments.push(comment);
    return comment;
  }

  addPullRequestComment(pr: PullRequest, input: Pick<Comment, 'body'> & Partial<Comment>): Comment {
    const comment = this.comment(input);
    pr.comments.push(comment);
    return comment;
  }

  private comment(input: Pick<Comment, 'body'> & Partial<Comment>): Comment {
    const now = new Date().toISOString();
    return { author: this.defaultUser.login, createdAt: now, updatedAt: now, ...input, databaseId: this.newId() };
  }

  private emit(event: StoreEvent): void {
    for (const observer of this.observers) observer(event);
  }

  /** The user's bucket for `resource`, refilled when its hour is over. */
  rateBucket(login: string, resource: string, limit = PRIMARY_LIMITS[resource] ?? 5000): RateBucket {
    const now = this.clock.now();
    const key = `${login}\u0000${resource}`;
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.reset * 1000 <= now) {
      bucket = { resource, limit, used: 0, reset: Math.floor(now / 1000) + 3600 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  close(): void {
    for (const repo of this.repositories.values()) repo.git.close();
  }
}

function key(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}
