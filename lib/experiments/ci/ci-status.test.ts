import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GITHUB_API_FIXTURES } from '../../../tests/fixture-paths';
import { ciActive, ciFromFallback, ciFromRollup, type RollupContext, type WorkflowRunLike } from './ci-status';

const run = (name: string, status: string, conclusion: string | null): RollupContext => ({
  __typename: 'CheckRun',
  name,
  status,
  conclusion,
  detailsUrl: `https://ci.example/${name}`,
  url: `https://github.com/o/r/runs/${name}`,
});
const ctx = (context: string, state: string): RollupContext => ({ __typename: 'StatusContext', context, state, targetUrl: `https://ci.example/${context}` });

describe('ciFromRollup: GraphQL check runs and commit statuses', () => {
  // CheckStatusState and CheckConclusionState of GitHub's schema, StatusState for contexts.
  it.each([
    [[run('train', 'QUEUED', null)], 'queued'],
    [[run('train', 'REQUESTED', null)], 'queued'],
    [[run('train', 'WAITING', null)], 'queued'],
    [[run('train', 'PENDING', null)], 'queued'],
    [[run('train', 'IN_PROGRESS', null)], 'running'],
    [[run('train', 'COMPLETED', 'SUCCESS')], 'succeeded'],
    [[run('train', 'COMPLETED', 'NEUTRAL')], 'succeeded'],
    [[run('train', 'COMPLETED', 'SKIPPED')], 'succeeded'],
    [[run('train', 'COMPLETED', 'FAILURE')], 'failed'],
    [[run('train', 'COMPLETED', 'TIMED_OUT')], 'failed'],
    [[run('train', 'COMPLETED', 'ACTION_REQUIRED')], 'failed'],
    [[run('train', 'COMPLETED', 'STARTUP_FAILURE')], 'failed'],
    [[run('train', 'COMPLETED', 'STALE')], 'failed'],
    [[run('train', 'COMPLETED', 'CANCELLED')], 'cancelled'],
    [[ctx('jenkins', 'EXPECTED')], 'queued'],
    [[ctx('jenkins', 'PENDING')], 'running'],
    [[ctx('jenkins', 'SUCCESS')], 'succeeded'],
    [[ctx('jenkins', 'FAILURE')], 'failed'],
    [[ctx('jenkins', 'ERROR')], 'failed'],
    [[], 'none'],
  ] as [RollupContext[], string][])('%j → %s', (contexts, state) => {
    expect(ciFromRollup(contexts).state).toBe(state);
  });

  it('a commit without checks (rollup null) is none, and not partial', () => {
    expect(ciFromRollup(null)).toEqual({ state: 'none', checks: [], partial: false });
  });

  it('any failure fails the commit, as GitHub’s rollup does; then running, queued, cancelled, succeeded', () => {
    expect(ciFromRollup([run('a', 'IN_PROGRESS', null), run('b', 'COMPLETED', 'FAILURE')]).state).toBe('failed');
    expect(ciFromRollup([run('a', 'QUEUED', null), run('b', 'IN_PROGRESS', null), ctx('c', 'SUCCESS')]).state).toBe('running');
    expect(ciFromRollup([run('a', 'QUEUED', null), run('b', 'COMPLETED', 'CANCELLED')]).state).toBe('queued');
    expect(ciFromRollup([run('a', 'COMPLETED', 'SUCCESS'), run('b', 'COMPLETED', 'CANCELLED')]).state).toBe('cancelled');
  });

  it('lists every check with its name, state and link (the run page, else the details URL)', () => {
    const lint: RollupContext = {
      __typename: 'CheckRun',
      name: 'lint',
      status: 'COMPLETED',
      conclusion: 'SUCCESS',
      detailsUrl: 'https://ci.example/lint',
      url: '',
    };
    const status = ciFromRollup([run('train', 'IN_PROGRESS', null), lint, ctx('jenkins', 'SUCCESS')]);
    expect(status.checks).toEqual([
      { name: 'train', state: 'running', url: 'https://github.com/o/r/runs/train' },
      { name: 'lint', state: 'succeeded', url: 'https://ci.example/lint' },
      { name: 'jenkins', state: 'succeeded', url: 'https://ci.example/jenkins' },
    ]);
    expect(ciActive(status)).toBe(true);
  });

  it('a failed commit with another check still running stays active (worth refreshing)', () => {
    const status = ciFromRollup([run('a', 'IN_PROGRESS', null), run('b', 'COMPLETED', 'FAILURE')]);
    expect(status.state).toBe('failed');
    expect(ciActive(status)).toBe(true);
    expect(ciActive(ciFromRollup([run('b', 'COMPLETED', 'FAILURE')]))).toBe(false);
  });
});

describe('ciFromFallback: workflow runs (REST) and commit statuses, marked partial', () => {
  const fixture = (name: string) => JSON.parse(readFileSync(join(GITHUB_API_FIXTURES, name), 'utf8')).body;

  it('reads GitHub’s documented workflow-run and combined-status examples', () => {
    const runs: WorkflowRunLike[] = fixture('rest-workflow-runs.docs-example.json').workflow_runs;
    const combined = fixture('rest-combined-status.docs-example.json');
    const sha = runs[0]!.head_sha;
    const statuses = combined.statuses.map((s: { context: string; state: string; target_url: string }) => ({
      context: s.context,
      state: s.state,
      targetUrl: s.target_url,
    }));
    const status = ciFromFallback(sha, runs, statuses);
    expect(status.partial).toBe(true);
    // The example run is `queued` (no conclusion yet); both example statuses are `success`.
    expect(status.checks[0]).toEqual({ name: runs[0]!.name, state: 'queued', url: runs[0]!.html_url });
    expect(status.checks.slice(1).map((c) => [c.name, c.state])).toEqual(combined.statuses.map((s: { context: string }) => [s.context, 'succeeded']));
    expect(status.state).toBe('queued');
    expect(ciActive(status)).toBe(true);
  });

  it('keeps the newest run of each workflow and only the commit’s own runs', () => {
    const mk = (id: number, name: string, sha: string, status: string, conclusion: string | null): WorkflowRunLike => ({
      id,
      name,
      head_sha: sha,
      status,
      conclusion,
      html_url: `https://github.com/o/r/actions/runs/${id}`,
    });
    const runs = [mk(1, 'train', 'aaa', 'completed', 'failure'), mk(2, 'train', 'aaa', 'in_progress', null), mk(3, 'train', 'bbb', 'completed', 'success')];
    expect(ciFromFallback('aaa', runs, [])).toEqual({
      state: 'running',
      checks: [{ name: 'train', state: 'running', url: 'https://github.com/o/r/actions/runs/2' }],
      partial: true,
    });
    expect(ciFromFallback('ccc', runs, [])).toEqual({ state: 'none', checks: [], partial: true });
  });
});
