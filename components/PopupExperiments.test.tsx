// @vitest-environment happy-dom
import { render, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { experimentRow } from '../lib/experiments/testing/experiment-row';
import type { ExperimentRow, RowsRequest } from '../lib/experiments/types';
import type { BranchCommitsReply, CommitsFrom, ExperimentsReply } from '../lib/messages';
import { PopupExperiments } from './PopupExperiments';

const sha = (n: number) => n.toString(16).padStart(40, 'b');
const REPO = { owner: 'commit-lab', name: 'iris-lab' };
const ON = { owner: 'commit-lab', repo: 'iris-lab' };

const row = (n: number, extra: Partial<ExperimentRow>) => experimentRow(sha(n), extra);

const commits = (...ns: number[]): BranchCommitsReply => ({ ok: true, commits: ns.map((n) => ({ oid: sha(n), url: '', message: `c${n}` })) });

describe('PopupExperiments', () => {
  it('asks the experiments of the branch’s five latest commits and shows commit, status, two metrics and the report', async () => {
    const asked: RowsRequest[] = [];
    const from: CommitsFrom[] = [];
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
        target={{ ...ON, ref: 'main' }}
        askCommits={async (f) => (from.push(f), commits(7, 6, 5, 4, 3, 2, 1))}
        askRows={async (request) => (asked.push(request), { ok: true, result: { dvc: true, rows, fetched: {} as never } }) as ExperimentsReply}
      />,
    );
    await waitFor(() => expect(container.querySelector('table')).not.toBeNull());
    expect(from).toEqual([{ branch: 'main' }]);
    expect(asked).toEqual([{ repo: REPO, list: { ref: 'main' }, shas: [7, 6, 5, 4, 3].map(sha) }]);
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
      <PopupExperiments
        target={{ ...ON, ref: 'main' }}
        askCommits={async () => ({ ok: false, message: 'Bad credentials' })}
        askRows={async () => ({}) as never}
      />,
    );
    await waitFor(() => expect(failed.container.textContent).toBe('Bad credentials'));
    const missing = render(
      <PopupExperiments target={{ ...ON, ref: 'gone' }} askCommits={async () => ({ ok: true, commits: null })} askRows={async () => ({}) as never} />,
    );
    await waitFor(() => expect(missing.container.textContent).toBe('gone is not a branch of commit-lab/iris-lab.'));
    const noPr = render(
      <PopupExperiments target={{ ...ON, pr: 9 }} askCommits={async () => ({ ok: true, commits: null })} askRows={async () => ({}) as never} />,
    );
    await waitFor(() => expect(noPr.container.textContent).toBe('commit-lab/iris-lab has no pull request #9.'));
  });

  it('on a commit page, the commit’s own history: the commit first, then its ancestors', async () => {
    const asked: RowsRequest[] = [];
    const from: CommitsFrom[] = [];
    const { container } = render(
      <PopupExperiments
        target={{ ...ON, sha: sha(3) }}
        askCommits={async (f) => (from.push(f), commits(3, 2, 1))}
        askRows={async (request) => (
          asked.push(request),
          { ok: true, result: { dvc: true, rows: [row(3, {}), row(2, {}), row(1, {})], fetched: {} as never } }
        )}
      />,
    );
    await waitFor(() => expect(container.querySelector('table')).not.toBeNull());
    expect(from).toEqual([{ sha: sha(3) }]);
    expect(asked).toEqual([{ repo: REPO, list: { ref: sha(3) }, shas: [3, 2, 1].map(sha) }]);
    expect(container.querySelector('table')!.getAttribute('aria-label')).toBe(`Recent experiments on the history of ${sha(3).slice(0, 7)}`);
  });

  it('on a pull request, its commits: asked as its Commits tab lists them (newest last), shown newest first', async () => {
    const asked: RowsRequest[] = [];
    const from: CommitsFrom[] = [];
    const { container } = render(
      <PopupExperiments
        target={{ ...ON, pr: 4 }}
        askCommits={async (f) => (from.push(f), commits(9, 8))}
        askRows={async (request) => (asked.push(request), { ok: true, result: { dvc: true, rows: [row(8, {}), row(9, {})], fetched: {} as never } })}
      />,
    );
    await waitFor(() => expect(container.querySelector('table')).not.toBeNull());
    expect(from).toEqual([{ pr: 4 }]);
    expect(asked).toEqual([{ repo: REPO, list: { pr: 4 }, shas: [8, 9].map(sha) }]);
    expect([...container.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-sha'))).toEqual([9, 8].map(sha));
  });
});
