import { useEffect, useState } from 'preact/hooks';
import { formatMetric } from '../lib/dvc';
import { defaultChoice, pageColumns } from '../lib/experiments/columns/columns';
import { metricValue } from '../lib/experiments/columns/deltas';
import type { ExperimentRow, RepoRef } from '../lib/experiments/types';
import type { BranchCommitsReply, ExperimentsReply } from '../lib/messages';

/** How many of the branch's latest commits the popup shows. */
const RECENT = 5;

type State = { kind: 'loading' } | { kind: 'note'; text: string } | { kind: 'ready'; rows: ExperimentRow[]; metricIds: string[] };

const fileOf = (id: string) => id.slice(0, id.lastIndexOf(':'));
const keyOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);

/**
 * Popup: the branch's recent experiments (commit, status, the first two metrics, the CML report),
 * through the same `experiments` request as the list's overlay, for the branch's latest commits.
 */
export function PopupExperiments({
  repo,
  branch,
  askCommits,
  askRows,
}: {
  repo: RepoRef;
  branch: string;
  askCommits(): Promise<BranchCommitsReply>;
  askRows(shas: string[]): Promise<ExperimentsReply>;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    void (async () => {
      const commits = await askCommits();
      if (!commits.ok) return setState({ kind: 'note', text: commits.message });
      if (!commits.commits?.length) return setState({ kind: 'note', text: `${branch} is not a branch of ${repo.owner}/${repo.name}.` });
      const reply = await askRows(commits.commits.slice(0, RECENT).map((c) => c.oid));
      if (!reply.ok) return setState({ kind: 'note', text: reply.error.message });
      if (!reply.result.dvc) return setState({ kind: 'note', text: `${repo.owner}/${repo.name} has no DVC project.` });
      const rows = reply.result.rows;
      setState({ kind: 'ready', rows, metricIds: defaultChoice(pageColumns(rows)).metrics.slice(0, 2) });
    })().catch((error: unknown) => setState({ kind: 'note', text: `Commit Lab could not read the recent experiments: ${String(error)}` }));
  }, [repo.owner, repo.name, branch]);
  if (state.kind === 'loading') return <p class="muted">Reading recent experiments…</p>;
  if (state.kind === 'note') return <p class="muted">{state.text}</p>;
  return (
    <table aria-label={`Recent experiments on ${branch}`}>
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
