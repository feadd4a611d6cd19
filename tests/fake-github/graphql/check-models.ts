import type { CheckRun, CommitStatus, Repository } from '../store';
import { arrayConnection, type PageArgs } from './connection';
import { nameWithOwner, repoUrl, type Ctx, type Scope } from './context';
import { GitHubError } from './errors';
import { commitByOid } from './git-models';
import { nodeId } from './ids';

/**
 * `Commit.statusCheckRollup`: the latest check run per name and the latest status per context
 * on the commit, rolled up into one state. Null when the commit has neither, as on GitHub.
 */
const FAILED_CONCLUSIONS = new Set(['FAILURE', 'TIMED_OUT', 'CANCELLED', 'ACTION_REQUIRED', 'STARTUP_FAILURE', 'STALE']);

export function rollupState(runs: CheckRun[], statuses: CommitStatus[]): 'ERROR' | 'EXPECTED' | 'FAILURE' | 'PENDING' | 'SUCCESS' {
  if (runs.some((r) => r.status === 'COMPLETED' && r.conclusion && FAILED_CONCLUSIONS.has(r.conclusion)) || statuses.some((s) => s.state === 'FAILURE'))
    return 'FAILURE';
  if (statuses.some((s) => s.state === 'ERROR')) return 'ERROR';
  if (runs.some((r) => r.status !== 'COMPLETED') || statuses.some((s) => s.state === 'PENDING')) return 'PENDING';
  if (statuses.some((s) => s.state === 'EXPECTED')) return 'EXPECTED';
  return 'SUCCESS';
}

function latestBy<T>(items: T[], key: (t: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(key(item), item);
  return [...last.values()];
}

/** The check runs and statuses that count for a commit: the latest per name / context. */
export function latestContexts(repo: Repository, oid: string): { runs: CheckRun[]; statuses: CommitStatus[] } {
  return {
    runs: latestBy(
      repo.checkRuns.filter((r) => r.headSha === oid),
      (r) => r.name,
    ),
    statuses: latestBy(
      repo.statuses.filter((s) => s.sha === oid),
      (s) => s.context,
    ),
  };
}

export function checkRollup(scope: Scope, oid: string) {
  const { runs, statuses } = latestContexts(scope.repo, oid);
  if (runs.length === 0 && statuses.length === 0) return null;
  const contexts = [...runs.map((r) => checkRunModel(scope, r)), ...statuses.map((s) => statusContextModel(scope, s))];
  return {
    __typename: 'StatusCheckRollup',
    id: nodeId('SCR', `${nameWithOwner(scope.repo)}:${oid}`),
    state: rollupState(runs, statuses),
    commit: () => commitByOid(scope, oid),
    contexts: (args: PageArgs, ctx: Ctx) => {
      // Fine-grained PATs are offered no Checks permission: the contexts fail with FORBIDDEN and
      // the rest of the query still answers (github/rest-api-description#4290, reference §1c).
      if (ctx.token?.kind === 'fine-grained') throw new GitHubError('FORBIDDEN', 'Resource not accessible by personal access token');
      return { ...arrayConnection(contexts, args), checkRunCount: runs.length, statusContextCount: statuses.length };
    },
  };
}

function checkRunModel(scope: Scope, r: CheckRun) {
  const url = `${repoUrl(scope)}/runs/${r.databaseId}`;
  const run = r.workflowRunId ? scope.repo.workflowRuns.find((w) => w.databaseId === r.workflowRunId) : undefined;
  const workflowRun = r.workflowRunId
    ? {
        __typename: 'WorkflowRun',
        id: nodeId('WFR', `${nameWithOwner(scope.repo)}:${r.workflowRunId}`),
        databaseId: r.workflowRunId,
        url: `${repoUrl(scope)}/actions/runs/${r.workflowRunId}`,
        resourcePath: `/${nameWithOwner(scope.repo)}/actions/runs/${r.workflowRunId}`,
        event: run?.event ?? 'push',
        runNumber: run?.runNumber ?? r.workflowRunId,
        createdAt: run?.createdAt ?? r.startedAt ?? '2020-01-01T00:00:00Z',
        updatedAt: run?.updatedAt ?? r.completedAt ?? r.startedAt ?? '2020-01-01T00:00:00Z',
      }
    : null;
  return {
    __typename: 'CheckRun',
    id: nodeId('CR', `${nameWithOwner(scope.repo)}:${r.databaseId}`),
    databaseId: r.databaseId,
    name: r.name,
    status: r.status,
    conclusion: r.conclusion,
    detailsUrl: r.detailsUrl,
    startedAt: r.startedAt,
    completedAt: r.completedAt,
    url,
    permalink: url,
    resourcePath: `/${nameWithOwner(scope.repo)}/runs/${r.databaseId}`,
    title: null,
    summary: null,
    text: null,
    externalId: null,
    isRequired: false,
    checkSuite: {
      __typename: 'CheckSuite',
      id: nodeId('CS', `${nameWithOwner(scope.repo)}:${r.databaseId}`),
      status: r.status,
      conclusion: r.conclusion,
      workflowRun,
      commit: () => commitByOid(scope, r.headSha),
    },
  };
}

function statusContextModel(scope: Scope, s: CommitStatus) {
  return {
    __typename: 'StatusContext',
    id: nodeId('SC', `${nameWithOwner(scope.repo)}:${s.databaseId}`),
    context: s.context,
    state: s.state,
    targetUrl: s.targetUrl,
    description: s.description,
    createdAt: s.createdAt,
    isRequired: false,
    avatarUrl: null,
    commit: () => commitByOid(scope, s.sha),
  };
}
