import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SAMPLE_DIR } from '../worlds/demo-source';
import { gql } from '../graphql/client';
import { startCli } from '../cli-process';
import { git } from '../git/git-cli';
import { ciOptionsFromFlags } from './cli-options';

/**
 * `npm run fake-github -- --seed … --ci --ci-timing 50,50`: the command's CI on the system
 * clock, where timers (not a test) move the runs, as the demo and the end-to-end tests see it.
 */
let cli: Awaited<ReturnType<typeof startCli>>;
let base: string;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cli-ci-'));
  cli = await startCli(['--port', '0', '--root', root, '--seed', `commit-lab/iris-lab=${SAMPLE_DIR}`, '--ci', '--ci-timing', '50,50']);
  base = cli.base;
}, 60_000);

afterAll(async () => {
  await cli?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('fake-github --ci', () => {
  it('reads its flags', () => {
    expect(ciOptionsFromFlags({ ci: false })).toBe(false);
    expect(ciOptionsFromFlags({ ci: true })).toEqual({});
    expect(ciOptionsFromFlags({ ci: true, 'ci-results': 'commit', 'ci-timing': '1000,5000' })).toEqual({
      results: 'commit',
      timing: { queuedMs: 1000, runMs: 5000 },
    });
    expect(() => ciOptionsFromFlags({ ci: true, 'ci-results': 'merge' })).toThrow(/pr or commit/);
    expect(() => ciOptionsFromFlags({ ci: false, 'ci-timing': '1,2' })).toThrow(/need --ci/);
  });

  it('runs the workflow on its own timers after a push and lands the results', { timeout: 90_000 }, async () => {
    const gitDir = join(root, 'commit-lab', 'iris-lab.git');
    const head = git(gitDir, 'rev-parse', 'main').trim();
    const answer = await gql<{ createCommitOnBranch: { commit: { oid: string } } }>(
      base,
      'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }',
      {
        input: {
          branch: { repositoryNameWithOwner: 'commit-lab/iris-lab', branchName: 'main' },
          expectedHeadOid: head,
          message: { headline: 'Update params.yaml:train.max_depth' },
          fileChanges: { additions: [{ path: 'params.yaml', contents: Buffer.from('train:\n  seed: 42\n  n_est: 20\n  max_depth: 1\n').toString('base64') }] },
        },
      },
    );
    const sha = answer.body.data!.createCommitOnBranch.commit.oid;
    const run = await vi.waitFor(
      async () => {
        const runs = (await (await fetch(`${base}/api/v3/repos/commit-lab/iris-lab/actions/runs?head_sha=${sha}`)).json()) as {
          workflow_runs: { status: string; conclusion: string }[];
        };
        expect(runs.workflow_runs[0]?.status).toBe('completed');
        return runs.workflow_runs[0]!;
      },
      // The training runs as a real process: generous on a loaded machine, nothing here measures its speed.
      { timeout: 80_000, interval: 100 },
    );
    expect(run.conclusion).toBe('success');
    expect(git(gitDir, 'log', '-1', '--format=%s', 'main').trim()).toBe(`CML PR for ${sha.slice(0, 8)} [skip ci] (#1)`);
  });
});
