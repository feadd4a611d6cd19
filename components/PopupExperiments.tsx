import { useEffect, useState } from 'preact/hooks';
import { formatMetric } from '../lib/dvc';
import { defaultChoice, pageColumns } from '../lib/experiments/columns/columns';
import { metricValue } from '../lib/experiments/columns/deltas';
import type { ExperimentRow, RepoRef, RowsRequest } from '../lib/experiments/types';
import type { BranchCommitsReply, CommitsFrom, ExperimentsReply } from '../lib/messages';
import type { TabTarget } from '../lib/page/url';

/** How many of the latest commits the popup shows. */
const RECENT = 5;

type State = { kind: 'loading' } | { kind: 'note'; text: string } | { kind: 'ready'; rows: ExperimentRow[]; metricIds: string[] };

const fileOf = (id: string) => id.slice(0, id.lastIndexOf(':'));
const keyOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);

/** Whose recent commits the table lists, as the `branch-commits` and `experiments` requests name them, and in words. */
function recentOf(target: TabTarget) {
  const repo = `${target.owner}/${target.repo}`;
  if ('ref' in target)
    return { from: { branch: target.ref }, list: { ref: target.ref }, label: target.ref, missing: `${target.ref} is not a branch of ${repo}.` };
  if ('pr' in target)
    return { from: { pr: target.pr }, list: { pr: target.pr }, label: `pull request #${target.pr}`, missing: `${repo} has no pull request #${target.pr}.` };
  // A commit page names no branch: the commit's own history, so the table starts with the commit Run starts from.
  const short = target.sha.slice(0, 7);
  return { from: { sha: target.sha }, list: { ref: target.sha }, label: `the history of ${short}`, missing: `${repo} has no commit ${short}.` };
}

/**
 * Popup: the recent experiments of what the tab shows — a branch's commit list, a commit (its
 * history) or a pull request (its commits) — newest first: commit, status, the first two metrics,
 * the CML report, through the same `experiments` request as the list's overlay.
 */
export function PopupExperiments({
  target,
  askCommits,
  askRows,
}: {
  target: TabTarget;
  askCommits(from: CommitsFrom): Promise<BranchCommitsReply>;
  askRows(request: RowsRequest): Promise<ExperimentsReply>;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const repo: RepoRef = { owner: target.owner, name: target.repo };
  const of = recentOf(target);
  useEffect(() => {
    void (async () => {
      const commits = await askCommits(of.from);
      if (!commits.ok) return setState({ kind: 'note', text: commits.message });
      if (!commits.commits?.length) return setState({ kind: 'note', text: of.missing });
      const shas = commits.commits.slice(0, RECENT).map((c) => c.oid);
      // Asked in the order the list's page shows them: a pull request's Commits tab has the newest last.
      const reply = await askRows({ repo, list: of.list, shas: 'pr' in of.list ? [...shas].reverse() : shas });
      if (!reply.ok) return setState({ kind: 'note', text: reply.error.message });
      if (!reply.result.dvc) return setState({ kind: 'note', text: `${repo.owner}/${repo.name} has no DVC project.` });
      const rows = shas.flatMap((sha) => reply.result.rows.filter((r) => r.sha === sha));
      setState({ kind: 'ready', rows, metricIds: defaultChoice(pageColumns(rows)).metrics.slice(0, 2) });
    })().catch((error: unknown) => setState({ kind: 'note', text: `Commit Lab could not read the recent experiments: ${String(error)}` }));
  }, [repo.owner, repo.name, of.label]);
  if (state.kind === 'loading') return <p class="muted">Reading recent experiments…</p>;
  if (state.kind === 'note') return <p class="muted">{state.text}</p>;
  return (
    <table aria-label={`Recent experiments on ${of.label}`}>
      <thead>
        <tr>
          <th scope="col">Commit</th>
          <th scope="col">Status</th>
          {state.metricIds.map((id) => (
            <th scope="col" key={id}>
              {keyOf(id)}
            </th>
          ))}
          <th scope="col">Report</th>
        </tr>
      </thead>
      <tbody>
        {state.rows.map((row) => (
          <tr key={row.sha} data-sha={row.sha}>
            <td>
              <a class="text-mono" href={`https://github.com/${repo.owner}/${repo.name}/commit/${row.sha}`} target="_blank" rel="noreferrer">
                {row.sha.slice(0, 7)}
              </a>
            </td>
            <td data-status={row.ci?.state ?? 'none'}>{row.ci && row.ci.state !== 'none' ? row.ci.state : '—'}</td>
            {state.metricIds.map((id) => (
              <td key={id} data-metric={id}>
                {formatMetric(metricValue(row, fileOf(id), keyOf(id)))}
              </td>
            ))}
            <td>
              {row.report ? (
                <a href={row.report.url} target="_blank" rel="noreferrer">
                  CML Report
                </a>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
