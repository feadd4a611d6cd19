/**
 * A commit's CI in six words, with the checks behind it. Read from GraphQL's
 * `statusCheckRollup` (check runs and commit statuses), or — for fine-grained tokens, which
 * GitHub gives no access to check runs — from Actions workflow runs (REST) and commit statuses,
 * marked partial because check runs from other apps cannot be seen that way.
 */

export type CiState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'none';

export interface CiCheck {
  /** Check run or workflow name, or a commit status's context. */
  name: string;
  state: Exclude<CiState, 'none'>;
  /** The run on GitHub (check run page, workflow run page) or the status's target URL. */
  url: string | null;
}

export interface CiStatus {
  state: CiState;
  checks: CiCheck[];
  /** True when read without check runs (fine-grained token): workflow runs and commit statuses only. */
  partial: boolean;
}

/** The `CheckRun` and `StatusContext` members of `statusCheckRollup.contexts` as the page query selects them. */
export type RollupContext =
  | { __typename: 'CheckRun'; name: string; status: string; conclusion: string | null; detailsUrl: string | null; url: string }
  | { __typename: 'StatusContext'; context: string; state: string; targetUrl: string | null };

/** A commit status as GraphQL `Commit.status.contexts` (or the REST combined status) gives it. */
export interface StatusLike {
  context: string;
  state: string;
  targetUrl: string | null;
}

/** What the fallback needs of a REST `workflow-run`. */
export interface WorkflowRunLike {
  /** Octokit types it `number | bigint`; only compared. */
  id: number | bigint;
  name?: string | null;
  head_sha: string;
  status: string | null;
  conclusion: string | null;
  html_url: string;
}

/**
 * Check run `status` / `conclusion` (GraphQL's upper case and REST's lower case alike). A
 * completed run's conclusion decides: `neutral` and `skipped` pass as GitHub's rollup counts
 * them; `stale` (GitHub gave up on it), `timed_out`, `action_required` and `startup_failure` fail.
 */
export function checkRunState(status: string | null, conclusion: string | null): CiCheck['state'] {
  const s = (status ?? '').toLowerCase();
  if (s === 'in_progress') return 'running';
  if (s !== 'completed') return 'queued'; // queued, requested, waiting, pending
  switch ((conclusion ?? '').toLowerCase()) {
    case 'success':
    case 'neutral':
    case 'skipped':
      return 'succeeded';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'failed';
  }
}

/** Commit status `state`: `expected` is a required context not yet reported; `pending` is under way. */
export function statusState(state: string): CiCheck['state'] {
  switch (state.toLowerCase()) {
    case 'success':
      return 'succeeded';
    case 'pending':
      return 'running';
    case 'expected':
      return 'queued';
    default:
      return 'failed'; // failure, error
  }
}

/**
 * One state for many checks, ordered as GitHub's rollup orders them (any failure fails the
 * commit), then what is still moving, then cancelled before succeeded.
 */
const PRECEDENCE: CiCheck['state'][] = ['failed', 'running', 'queued', 'cancelled', 'succeeded'];

export function overallState(checks: CiCheck[]): CiState {
  return PRECEDENCE.find((state) => checks.some((c) => c.state === state)) ?? 'none';
}

/** True while a check is queued or running: the row is worth refreshing. */
export function ciActive(status: CiStatus): boolean {
  return status.checks.some((c) => c.state === 'queued' || c.state === 'running');
}

/** From `statusCheckRollup.contexts.nodes` (null: the commit has no checks). */
export function ciFromRollup(contexts: RollupContext[] | null): CiStatus {
  const checks = (contexts ?? []).map((c): CiCheck =>
    c.__typename === 'CheckRun'
      ? { name: c.name, state: checkRunState(c.status, c.conclusion), url: c.url || c.detailsUrl }
      : { name: c.context, state: statusState(c.state), url: c.targetUrl },
  );
  return { state: overallState(checks), checks, partial: false };
}

/**
 * The fine-grained fallback for one commit: its workflow runs (the newest run of each workflow,
 * as a re-run replaces the earlier one) and its commit statuses.
 */
export function ciFromFallback(sha: string, runs: WorkflowRunLike[], statuses: StatusLike[]): CiStatus {
  const newest = new Map<string, WorkflowRunLike>();
  for (const run of runs) {
    if (run.head_sha !== sha) continue;
    const key = run.name ?? String(run.id);
    const seen = newest.get(key);
    if (!seen || run.id > seen.id) newest.set(key, run);
  }
  const checks: CiCheck[] = [
    ...[...newest.values()].map((r) => ({ name: r.name ?? `run ${r.id}`, state: checkRunState(r.status, r.conclusion), url: r.html_url })),
    ...statuses.map((s) => ({ name: s.context, state: statusState(s.state), url: s.targetUrl })),
  ];
  return { state: overallState(checks), checks, partial: true };
}
