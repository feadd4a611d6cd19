// @vitest-environment happy-dom
import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ExperimentRow } from '../lib/experiments/types';
import type { BranchCommitsReply, ExperimentsReply } from '../lib/messages';
import { PopupExperiments } from './PopupExperiments';

const sha = (n: number) => n.toString(16).padStart(40, 'b');
const REPO = { owner: 'commit-lab', name: 'iris-lab' };

function row(n: number, extra: Partial<ExperimentRow>): ExperimentRow {
  return {
    sha: sha(n),
    parents: [],
    params: [],
    paramChanges: [],
    unreproduced: [],
    metrics: [],
    metricChanges: [],
    cachedMetrics: [],
    stages: [],
    problems: [],
    ...extra,
  };
}

const commits = (...ns: number[]): BranchCommitsReply => ({ ok: true, commits: ns.map((n) => ({ oid: sha(n), url: '', message: `c${n}` })) });

describe('PopupExperiments', () => {
  it('asks the experiments of the branch’s five latest commits and shows commit, status, two metrics and the report', async () => {
    const asked: string[][] = [];
    const rows = [
      row(7, {
        ci: { state: 'succeeded', checks: [], partial: false },
        metrics: [
          { file: 'metrics.json', key: 'accuracy', value: 0.6 },
          { file: 'metrics.json', key: 'f1', value: 0.5167 },
          { file: 'metrics.json', key: 'loss', value: 1.2 },
        ],
        report: {
          url: 'https://github.com/commit-lab/iris-lab/commit/x#commitcomment-1',
          author: 'github-actions[bot]',
          time: '2026-12-07T08:00:00Z',
        } as ExperimentRow['report'],
      }),
      row(6, { ci: { state: 'failed', checks: [], partial: false } }),
    ];
    const { container } = render(
      <PopupExperiments
        repo={REPO}
        branch="main"
        askCommits={async () => commits(7, 6, 5, 4, 3, 2, 1)}
        askRows={async (shas) => (asked.push(shas), { ok: true, result: { dvc: true, rows, fetched: {} as never } }) as ExperimentsReply}
      />,
    );
    await waitFor(() => expect(container.querySelector('table')).not.toBeNull());
    expect(asked).toEqual([[7, 6, 5, 4, 3].map(sha)]);
    expect([...container.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Commit', 'Status', 'accuracy', 'f1', 'Report']);
    const cells = [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toEqual([
      [sha(7).slice(0, 7), 'succeeded', '0.6', '0.5167', 'CML Report'],
      [sha(6).slice(0, 7), 'failed', '-', '-', '—'], // no metric: DVC's own '-',
    ]);
    expect(container.querySelector('a[href*="commitcomment"]')).not.toBeNull();
  });

  it('says why instead: a failed read, a missing branch', async () => {
    const failed = render(
      <PopupExperiments repo={REPO} branch="main" askCommits={async () => ({ ok: false, message: 'Bad credentials' })} askRows={async () => ({}) as never} />,
    );
    await waitFor(() => expect(failed.container.textContent).toBe('Bad credentials'));
    const missing = render(
      <PopupExperiments repo={REPO} branch="gone" askCommits={async () => ({ ok: true, commits: null })} askRows={async () => ({}) as never} />,
    );
    await waitFor(() => expect(missing.container.textContent).toBe('gone is not a branch of commit-lab/iris-lab.'));
  });
});
