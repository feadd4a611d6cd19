import type { CheckRun, CommitStatus, Repository, WorkflowRun } from '../../store';
import type { CommitObject } from '../../git/objects';
import { Links, nodeId, userByLogin } from './links';
import { minimalRepository } from './repos';

/** The GitHub Actions app, which owns the check runs of workflow jobs. */
function actionsApp(links: Links): Record<string, unknown> {
  const epoch = '2018-07-30T09:30:17Z';
  return {
    id: 15368,
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: userByLogin(links, 'github'),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${links.web}/apps/github-actions`,
    created_at: epoch,
    updated_at: epoch,
    permissions: { checks: 'write', contents: 'read', metadata: 'read', statuses: 'write' },
    events: ['check_run', 'check_suite', 'push'],
  };
}

/** `check-run`. The store keeps GraphQL's upper-case enums; REST answers lower case. */
export function checkRun(links: Links, repo: Repository, run: CheckRun): Record<string, unknown> {
  const url = `${links.repo(repo)}/check-runs/${run.databaseId}`;
  return {
    id: run.databaseId,
    name: run.name,
    node_id: nodeId('CheckRun', run.databaseId),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url,
    html_url: `${links.repoHtml(repo)}/runs/${run.databaseId}`,
    details_url: run.detailsUrl,
    status: run.status.toLowerCase(),
    conclusion: run.conclusion?.toLowerCase() ?? null,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      annotations_count: 0,
      annotations_url: `${url}/annotations`,
    },
    check_suite: { id: run.workflowRunId ?? run.databaseId },
    app: actionsApp(links),
    pull_requests: [],
  };
}

/** `simple-commit-status` (in the combined status), and `status` with its creator. */
export function commitStatus(links: Links, repo: Repository, s: CommitStatus, withCreator: boolean): Record<string, unknown> {
  const creator = userByLogin(links, s.creator);
  return {
    url: `${links.repo(repo)}/statuses/${s.sha}`,
    avatar_url: creator.avatar_url,
    id: s.databaseId,
    node_id: nodeId('StatusContext', s.databaseId),
    state: s.state.toLowerCase(),
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    ...(withCreator ? { creator } : {}),
  };
}

/** `workflow-run`. */
export function workflowRun(links: Links, repo: Repository, run: WorkflowRun, head: CommitObject | null): Record<string, unknown> {
  const url = `${links.repo(repo)}/actions/runs/${run.databaseId}`;
  return {
    id: run.databaseId,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.databaseId),
    check_suite_id: run.databaseId,
    check_suite_node_id: nodeId('CheckSuite', run.databaseId),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: head?.message.split('\n')[0] ?? run.name,
    run_number: run.runNumber,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflowId(run.path),
    url,
    html_url: `${links.repoHtml(repo)}/actions/runs/${run.databaseId}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
    actor: userByLogin(links, repo.owner),
    triggering_actor: userByLogin(links, repo.owner),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${links.repo(repo)}/check-suites/${run.databaseId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${links.repo(repo)}/actions/workflows/${workflowId(run.path)}`,
    head_commit: head && {
      id: head.oid,
      tree_id: head.tree,
      message: head.message.replace(/\n+$/, ''),
      timestamp: head.committer.date,
      author: { name: head.author.name, email: head.author.email },
      committer: { name: head.committer.name, email: head.committer.email },
    },
    repository: minimalRepository(links, repo),
    head_repository: minimalRepository(links, repo),
  };
}

/** A stable numeric workflow id per workflow file, as GitHub has one per file. */
function workflowId(path: string): number {
  let h = 0;
  for (const ch of path) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 100000 + (h % 900000);
}
