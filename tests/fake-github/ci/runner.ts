import { readFileSync } from 'node:fs';
import { systemClock } from '../clock';
import { ZERO_OID } from '../git/repo';
import { md5Hex } from '../dvc/hash';
import type { CheckRun, Comment, PullRequest, Repository, Store, StoreEvent, WorkflowRun } from '../store';
import { cmlPullRequest, postReport, pushResultsCommit, type Landed } from './cml';
import { reproduce, type PullObject, type Reproduction } from './pipeline';
import { reportBody } from './report';
import { StageError } from './sample-stages';
import { JOB_NAME, WORKFLOW_NAME, WORKFLOW_PATH, skipsCi } from './workflow';

/**
 * GitHub Actions running the Commit Lab workflow (docs/github-actions/commit-lab.yml), in the
 * fake: a push to a branch, or a newly opened pull request, of a repository whose commit carries
 * the workflow file starts a workflow run with one job (check run) that goes queued →
 * in_progress → completed. The job does what the workflow's steps do — `dvc pull`, `dvc repro`
 * (the sample project's real training, in TypeScript), then on a push `cml pr --squash --skip-ci`
 * or a results commit, and a CML report — and concludes `failure` when a step fails.
 */

export type ResultsMode = 'pr' | 'commit';
export type CiEvent = 'push' | 'pull_request';

export interface CiOptions {
  /**
   * `'instant'` (default): every phase right after the trigger. Or phase lengths on the fake's
   * clock: with the system clock timers move the runs; with a manual clock the test advances it
   * and calls `ci.settled()`.
   */
  timing?: 'instant' | { queuedMs: number; runMs: number };
  /** How results land on a push: `cml pr` (default) or a follow-up commit on the branch. */
  results?: ResultsMode;
  /** Per repository (`owner/name`, any case) overrides of `results`. */
  repositories?: Record<string, { results?: ResultsMode }>;
  /** The workflow's triggers (the shipped workflow's `on:`): both by default. */
  events?: CiEvent[];
  /** `dvc pull`: DVC objects by md5. Default: the bundled iris.csv (the sample's data/iris.csv). */
  remote?: PullObject;
}

export interface CiRun {
  repo: Repository;
  event: CiEvent;
  branch: string;
  sha: string;
  workflowRun: WorkflowRun;
  checkRun: CheckRun;
  /** The pull request of a `pull_request` run. */
  pullRequest: PullRequest | null;
  /** Every status the run went through, with the fake clock's time (ms). */
  phases: { status: WorkflowRun['status']; at: number }[];
  /** What the failing step printed, for a run that concluded `failure`. */
  error?: string;
  reproduction?: Reproduction;
  results?: Landed;
  report?: { on: 'pull_request' | 'commit'; comment: Comment };
}

// Read on first pull, not at import: DOM test environments import the fake without a file: URL.
let irisCsv: Buffer | undefined;

/** The DVC remote the sample project pulls from: the bundled iris data set, by its md5. */
export const bundledRemote: PullObject = (md5) => {
  irisCsv ??= readFileSync(new URL('./iris.csv', import.meta.url));
  return md5 === md5Hex(irisCsv) ? new Uint8Array(irisCsv) : undefined;
};

interface Pending {
  run: CiRun;
  startAt: number;
  endAt: number | null;
  busy: boolean;
}

export class FakeCi {
  readonly runs: CiRun[] = [];
  private readonly pending: Pending[] = [];
  private readonly work = new Set<Promise<unknown>>();
  private readonly failures: unknown[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly own = new Set<string>();
  private readonly observer = (event: StoreEvent) => this.track(this.onEvent(event));

  constructor(
    private readonly store: Store,
    /** Read at each event and job: a test may change them between pushes (e.g. `results`). */
    readonly options: CiOptions = {},
  ) {
    store.observers.add(this.observer);
  }

  private get timing() {
    const t = this.options.timing ?? 'instant';
    return t === 'instant' ? { queuedMs: 0, runMs: 0 } : t;
  }

  private now(): number {
    return this.store.clock.now();
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  private track(promise: Promise<unknown>): void {
    const tracked = promise
      .catch((error: unknown) => {
        // Kept for `settled()` to rethrow; printed too, since under the CLI nobody awaits the CI.
        this.failures.push(error);
        console.error('[fake-github ci]', error);
      })
      .finally(() => this.work.delete(tracked));
    this.work.add(tracked);
  }

  /**
   * Moves every run whose phase is due on the fake's clock and waits until the CI is idle:
   * after a push, `await ci.settled()` sees the run queued (or finished, with instant timing).
   * Rejects with any error the CI itself hit (not a failed job: that is a run's `error`).
   */
  async settled(): Promise<void> {
    for (;;) {
      this.track(this.advance());
      while (this.work.size > 0) await Promise.all([...this.work]);
      if (!this.pending.some((p) => !p.busy && this.due(p))) break;
    }
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
  }

  /** A push event for a branch's current tip, as if it had just been pushed (e.g. after seeding). */
  async push(repo: Repository, branch: string): Promise<CiRun | null> {
    const oid = await repo.git.readRef(`refs/heads/${branch}`);
    if (!oid) throw new Error(`${repo.owner}/${repo.name} has no branch ${branch}`);
    return this.start(repo, 'push', branch, oid, null);
  }

  close(): void {
    this.store.observers.delete(this.observer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async onEvent(event: StoreEvent): Promise<void> {
    const events = this.options.events ?? ['push', 'pull_request'];
    if (event.kind === 'push') {
      const { ref, newOid } = event.move;
      if (!events.includes('push') || !ref.startsWith('refs/heads/') || newOid === ZERO_OID || this.own.has(newOid)) return;
      await this.start(event.repo, 'push', ref.slice('refs/heads/'.length), newOid, null);
    } else if (events.includes('pull_request') && !this.own.has(event.pr.headRefOid)) {
      await this.start(event.repo, 'pull_request', event.pr.headRefName, event.pr.headRefOid, event.pr);
    }
  }

  private async start(repo: Repository, event: CiEvent, branch: string, sha: string, pullRequest: PullRequest | null): Promise<CiRun | null> {
    const commit = await repo.git.readCommit(sha);
    if (!commit || skipsCi(commit.message)) return null;
    if ((await repo.git.readObject(`${sha}:${WORKFLOW_PATH}`))?.type !== 'blob') return null;
    const at = this.iso();
    const workflowRun = this.store.addWorkflowRun(repo, {
      name: WORKFLOW_NAME,
      path: WORKFLOW_PATH,
      headSha: sha,
      headBranch: branch,
      event,
      status: 'queued',
      conclusion: null,
      runNumber: repo.workflowRuns.filter((r) => r.path === WORKFLOW_PATH).length + 1,
      createdAt: at,
      updatedAt: at,
    });
    const checkRun = this.store.addCheckRun(repo, {
      headSha: sha,
      name: JOB_NAME,
      status: 'QUEUED',
      conclusion: null,
      startedAt: at,
      completedAt: null,
      workflowRunId: workflowRun.databaseId,
      workflowName: WORKFLOW_NAME,
    });
    checkRun.detailsUrl = `${this.store.webBase}/${repo.owner}/${repo.name}/actions/runs/${workflowRun.databaseId}/job/${checkRun.databaseId}`;
    const run: CiRun = { repo, event, branch, sha, workflowRun, checkRun, pullRequest, phases: [{ status: 'queued', at: this.now() }] };
    this.runs.push(run);
    const pending: Pending = { run, startAt: this.now() + this.timing.queuedMs, endAt: null, busy: false };
    this.pending.push(pending);
    this.schedule(pending.startAt);
    await this.advance();
    return run;
  }

  private due(p: Pending): boolean {
    return p.run.workflowRun.status === 'queued' ? this.now() >= p.startAt : p.endAt !== null && this.now() >= p.endAt;
  }

  /** With the system clock, a timer calls `advance` when a phase falls due; a manual clock waits for `settled()`. */
  private schedule(at: number): void {
    if (this.store.clock !== systemClock) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        // Node runs timers on the event loop's cached time, which can lag the clock: a timer may
        // fire a few ms before the phase is due, and `advance` would find nothing to do.
        if (this.now() < at) this.schedule(at);
        else this.track(this.advance());
      },
      Math.max(0, at - this.now()),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private setStatus(run: CiRun, status: 'in_progress' | 'completed', conclusion?: 'success' | 'failure'): void {
    const at = this.iso();
    run.workflowRun.status = status;
    run.workflowRun.updatedAt = at;
    run.checkRun.status = status === 'in_progress' ? 'IN_PROGRESS' : 'COMPLETED';
    if (status === 'in_progress') run.checkRun.startedAt = at;
    if (conclusion) {
      run.workflowRun.conclusion = conclusion;
      run.checkRun.conclusion = conclusion === 'success' ? 'SUCCESS' : 'FAILURE';
      run.checkRun.completedAt = at;
    }
    run.phases.push({ status, at: this.now() });
  }

  private async advance(): Promise<void> {
    for (const p of [...this.pending]) {
      if (p.busy || !this.due(p)) continue;
      if (p.run.workflowRun.status === 'queued') {
        this.setStatus(p.run, 'in_progress');
        // The job starts when its queue time is over, however late the clock is looked at.
        p.endAt = p.startAt + this.timing.runMs;
        this.schedule(p.endAt);
        if (!this.due(p)) continue;
      }
      p.busy = true;
      let ok = false;
      try {
        ok = await this.job(p.run);
      } finally {
        // A CI error (not a failed step) still completes the run, as a crashed runner would.
        this.setStatus(p.run, 'completed', ok ? 'success' : 'failure');
        this.pending.splice(this.pending.indexOf(p), 1);
      }
    }
  }

  private resultsMode(repo: Repository): ResultsMode {
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    const override = Object.entries(this.options.repositories ?? {}).find(([name]) => name.toLowerCase() === key)?.[1];
    return override?.results ?? this.options.results ?? 'pr';
  }

  /** The job's steps; false when one failed (its message in `run.error`). */
  private async job(run: CiRun): Promise<boolean> {
    const { repo, sha, branch } = run;
    try {
      const read = async (path: string) => {
        const object = await repo.git.readObject(`${sha}:${path}`);
        return object?.type === 'blob' ? new Uint8Array(object.content) : null;
      };
      const repro = await reproduce(read, this.options.remote ?? bundledRemote);
      run.reproduction = repro;
      // Nothing reproduced: nothing to push and no report (the workflow's steps are conditional).
      if (repro.ran.length === 0) return true;
      const land = { repo, store: this.store, branch, sha, repro, own: this.own };
      if (run.event === 'push') {
        const landed = this.resultsMode(repo) === 'pr' ? await cmlPullRequest(land) : await pushResultsCommit(land);
        if (landed) run.results = landed;
      }
      const report = await postReport(land, reportBody(sha, repro), run.pullRequest);
      run.report = { on: report.on, comment: report.comment };
      return true;
    } catch (error) {
      if (!(error instanceof StageError)) throw error;
      run.error = error.message;
      return false;
    }
  }
}
