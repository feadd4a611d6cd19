import type { CheckRun } from '../../store';
import { notFound, RestError, validationFailed } from '../errors';
import { paginate } from '../paginate';
import { created, ok, type Route, type RouteInput } from '../route';
import { checkRun, commitStatus, workflowRun } from '../shapes/checks';
import { minimalRepository } from '../shapes/repos';
import { commitOf } from './commits';

type Status = CheckRun['status'];
type Conclusion = NonNullable<CheckRun['conclusion']>;

/** `filter=latest` (the default) keeps the newest run of each name. */
export const listCheckRuns: Route = async (input) => {
  const oid = await commitOf(input, input.params.ref!);
  let runs = input.repo.checkRuns.filter((r) => r.headSha === oid).sort((a, b) => b.databaseId - a.databaseId);
  if ((input.query.get('filter') ?? 'latest') === 'latest') runs = runs.filter((r, i) => runs.findIndex((o) => o.name === r.name) === i);
  const name = input.query.get('check_name');
  const status = input.query.get('status');
  runs = runs.filter((r) => (name === null || r.name === name) && (status === null || r.status.toLowerCase() === status));
  const shaped = runs.map((r) => checkRun(input.links, input.repo, r));
  return paginate(input, shaped, (page) => ({ total_count: shaped.length, check_runs: page }));
};

function applyCheckFields(run: CheckRun, body: Record<string, unknown>): void {
  if (typeof body.name === 'string') run.name = body.name;
  if (typeof body.details_url === 'string') run.detailsUrl = body.details_url;
  if (typeof body.external_id === 'string') run.externalId = body.external_id;
  if (typeof body.started_at === 'string') run.startedAt = body.started_at;
  if (typeof body.status === 'string') run.status = body.status.toUpperCase() as Status;
  // "Providing conclusion will automatically set the status parameter to completed" (docs: checks/create).
  if (typeof body.conclusion === 'string') {
    run.conclusion = body.conclusion.toUpperCase() as Conclusion;
    run.status = 'COMPLETED';
  }
  if (run.status === 'COMPLETED') run.completedAt = typeof body.completed_at === 'string' ? body.completed_at : (run.completedAt ?? new Date().toISOString());
  const output = body.output as { title?: string; summary?: string; text?: string } | undefined;
  if (output) run.output = { title: output.title ?? null, summary: output.summary ?? null, text: output.text ?? null };
}

function requireConclusion(run: CheckRun): void {
  if (run.status === 'COMPLETED' && !run.conclusion) throw validationFailed({ resource: 'CheckRun', code: 'missing_field', field: 'conclusion' });
}

export const createCheckRun: Route = async (input) => {
  const { head_sha: headSha, name } = input.body;
  if (typeof name !== 'string' || name === '') throw validationFailed({ resource: 'CheckRun', code: 'missing_field', field: 'name' });
  if (typeof headSha !== 'string' || !(await input.repo.git.readCommit(headSha))) throw new RestError(422, `No commit found for SHA: ${String(headSha)}`);
  const draft: CheckRun = {
    databaseId: 0,
    headSha,
    name,
    status: 'QUEUED',
    conclusion: null,
    detailsUrl: null,
    startedAt: new Date().toISOString(),
    completedAt: null,
    workflowRunId: null,
    workflowName: null,
  };
  applyCheckFields(draft, input.body);
  requireConclusion(draft);
  const { databaseId: _unused, ...fields } = draft;
  const run = input.store.addCheckRun(input.repo, fields);
  const json = checkRun(input.links, input.repo, run);
  return created(json, String(json.url));
};

export const updateCheckRun: Route = (input) => {
  const run = input.repo.checkRuns.find((r) => String(r.databaseId) === input.params.check_run_id);
  if (!run) throw notFound();
  const next = { ...run };
  applyCheckFields(next, input.body);
  requireConclusion(next);
  Object.assign(run, next);
  return ok(checkRun(input.links, input.repo, run));
};

function statusesFor(input: RouteInput, oid: string) {
  return input.repo.statuses.filter((s) => s.sha === oid).sort((a, b) => b.databaseId - a.databaseId);
}

/**
 * Combined status: the newest status of each context; `failure` if any is error/failure,
 * else `pending` if any is pending or there are none, else `success` (docs: get-combined-status).
 */
export const getCombinedStatus: Route = async (input) => {
  const oid = await commitOf(input, input.params.ref!);
  const all = statusesFor(input, oid);
  const latest = all.filter((s, i) => all.findIndex((o) => o.context === s.context) === i);
  const states = latest.map((s) => s.state);
  const state = states.some((s) => s === 'ERROR' || s === 'FAILURE')
    ? 'failure'
    : states.length === 0 || states.some((s) => s === 'PENDING' || s === 'EXPECTED')
      ? 'pending'
      : 'success';
  const url = `${input.links.repo(input.repo)}/commits/${oid}`;
  return ok({
    state,
    statuses: latest.map((s) => commitStatus(input.links, input.repo, s, false)),
    sha: oid,
    total_count: latest.length,
    repository: minimalRepository(input.links, input.repo),
    commit_url: url,
    url: `${url}/status`,
  });
};

export const listStatuses: Route = async (input) => {
  const oid = await commitOf(input, input.params.ref!);
  return paginate(
    input,
    statusesFor(input, oid).map((s) => commitStatus(input.links, input.repo, s, true)),
  );
};

export const listWorkflowRuns: Route = async (input) => {
  const q = input.query;
  const runs = input.repo.workflowRuns
    .filter(
      (r) =>
        (!q.get('head_sha') || r.headSha === q.get('head_sha')) &&
        (!q.get('branch') || r.headBranch === q.get('branch')) &&
        (!q.get('event') || r.event === q.get('event')) &&
        (!q.get('status') || r.status === q.get('status') || r.conclusion === q.get('status')),
    )
    .sort((a, b) => b.databaseId - a.databaseId);
  const shaped = await Promise.all(runs.map(async (r) => workflowRun(input.links, input.repo, r, await input.repo.git.readCommit(r.headSha))));
  return paginate(input, shaped, (page) => ({ total_count: shaped.length, workflow_runs: page }));
};
