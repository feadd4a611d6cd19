import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepo } from '../git/repo';
import { startServer, type FakeServer, type Handler } from '../server';

const who = { name: 'Ada', email: 'ada@example.com', date: '2026-01-01T00:00:00Z' };
const git = (dir: string, ...args: string[]) => execFileSync('git', [`--git-dir=${dir}`, ...args], { encoding: 'utf8' }).trim();

interface CommitInput {
  branch: { branchName: string };
  expectedHeadOid: string;
  message: { headline: string };
  fileChanges: { additions: { path: string; contents: string }[] };
}

/**
 * A git-backed GraphQL write in createCommitOnBranch's shape, standing in until fake1's resolver
 * lands: one commit through the git layer, moved onto the branch with the CAS ref update.
 */
function createCommitOnBranch(repo: GitRepo): Handler {
  return async (req) => {
    if (req.path !== '/graphql') return undefined;
    const { input } = (req.json() as { variables: { input: CommitInput } }).variables;
    const oid = await repo.commitChanges({
      parent: input.expectedHeadOid,
      changes: { additions: input.fileChanges.additions.map((a) => ({ path: a.path, contents: Buffer.from(a.contents, 'base64') })), deletions: [] },
      message: `${input.message.headline}\n`,
      author: who,
      committer: who,
    });
    if (!(await repo.updateRef(`refs/heads/${input.branch.branchName}`, oid, input.expectedHeadOid))) {
      return Response.json({ data: { createCommitOnBranch: null }, errors: [{ type: 'STALE_DATA', message: 'Expected branch to point to …' }] });
    }
    return Response.json({ data: { createCommitOnBranch: { commit: { oid } } } });
  };
}

const MUTATION = 'mutation CreateCommit($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }';

describe('a write faulted around its effect', () => {
  let dir: string;
  let repo: GitRepo;
  let head: string;
  let server: FakeServer;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fault-write-'));
    repo = await GitRepo.init(join(dir, 'r.git'));
    head = await repo.commitChanges({
      parent: null,
      changes: { additions: [{ path: 'params.yaml', contents: new TextEncoder().encode('lr: 0.1\n') }], deletions: [] },
      message: 'base\n',
      author: who,
      committer: who,
    });
    await repo.updateRef('refs/heads/main', head, null);
    server = await startServer({ handlers: [createCommitOnBranch(repo)] });
  });
  afterEach(async () => {
    await server.close();
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const commit = () =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer t' },
      body: JSON.stringify({
        query: MUTATION,
        variables: {
          input: {
            branch: { branchName: 'main' },
            expectedHeadOid: head,
            message: { headline: 'Update params.yaml:lr' },
            fileChanges: { additions: [{ path: 'params.yaml', contents: Buffer.from('lr: 0.2\n').toString('base64') }] },
          },
        },
      }),
    });

  it('after effect: the commit is on the branch in git, and the client gets no answer', async () => {
    server.faults.add({ match: { operation: 'CreateCommit' }, action: { kind: 'drop-after' } });
    await expect(commit()).rejects.toThrow();
    // Plain git, not the fake, is the witness.
    expect(git(repo.gitDir, 'rev-parse', 'main^')).toBe(head);
    expect(git(repo.gitDir, 'log', '-1', '--format=%s', 'main')).toBe('Update params.yaml:lr');
    expect(git(repo.gitDir, 'show', 'main:params.yaml')).toBe('lr: 0.2');
    expect(server.log.map((r) => [r.operation, r.status, r.fault])).toEqual([['CreateCommit', 0, 'drop-after']]);
  });

  it('before effect: the branch has not moved, and the client gets no answer', async () => {
    server.faults.add({ match: { operation: 'CreateCommit' }, action: { kind: 'drop-before' } });
    await expect(commit()).rejects.toThrow();
    expect(git(repo.gitDir, 'rev-parse', 'main')).toBe(head);
    // The retry the client makes then goes through.
    expect(((await (await commit()).json()) as { data: unknown }).data).toMatchObject({ createCommitOnBranch: { commit: {} } });
    expect(git(repo.gitDir, 'rev-parse', 'main^')).toBe(head);
  });
});
