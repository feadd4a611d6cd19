import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepo } from '../git/repo';
import { graphqlHandler } from '../graphql/handler';
import { startServer, type FakeServer } from '../server';
import { Store } from '../store';
import { GITHUB_API_FIXTURES } from '../../fixture-paths';

const who = { name: 'Ada', email: 'ada@example.com', date: '2026-01-01T00:00:00Z' };
/** Plain git, not the fake, is the witness of what happened to the repository. */
const git = (dir: string, ...args: string[]) => execFileSync('git', [`--git-dir=${dir}`, ...args], { encoding: 'utf8' }).trim();
// The mutation the extension sends, as saved with the reference material.
const MUTATION = readFileSync(join(GITHUB_API_FIXTURES, 'queries/create-commit-on-branch.graphql'), 'utf8');

describe('createCommitOnBranch faulted around its effect, or losing a race', () => {
  let dir: string;
  let store: Store;
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
    store = new Store();
    store.addRepository({ owner: 'o', name: 'r', git: repo }).collaborators.set(store.defaultUser.login, 'write');
    server = await startServer({ handlers: [graphqlHandler(store)] });
  });
  afterEach(async () => {
    await server.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const commit = (fileChanges: Record<string, unknown> = { additions: [{ path: 'params.yaml', contents: Buffer.from('lr: 0.2\n').toString('base64') }] }) =>
    fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer t' },
      body: JSON.stringify({
        query: MUTATION,
        variables: {
          input: {
            branch: { repositoryNameWithOwner: 'o/r', branchName: 'main' },
            expectedHeadOid: head,
            message: { headline: 'Update params.yaml:lr' },
            fileChanges,
          },
        },
      }),
    });

  it('after effect: the commit is on the branch in git, and the client gets no answer', async () => {
    server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'drop-after' } });
    await expect(commit()).rejects.toThrow();
    expect(git(repo.gitDir, 'rev-parse', 'main^')).toBe(head);
    expect(git(repo.gitDir, 'log', '-1', '--format=%s', 'main')).toBe('Update params.yaml:lr');
    expect(git(repo.gitDir, 'show', 'main:params.yaml')).toBe('lr: 0.2');
    expect(server.log.map((r) => [r.operation, r.status, r.fault])).toEqual([['CreateCommitOnBranch', 0, 'drop-after']]);
    // The blind retry a client might make is refused by the compare-and-swap: no second commit.
    const retry = (await (await commit()).json()) as { errors: { type: string }[] };
    expect(retry.errors[0]!.type).toBe('STALE_DATA');
    expect(git(repo.gitDir, 'rev-list', '--count', 'main')).toBe('2');
  });

  it('before effect: the branch has not moved, the client gets no answer, and a retry commits once', async () => {
    server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'drop-before' } });
    await expect(commit()).rejects.toThrow();
    expect(git(repo.gitDir, 'rev-parse', 'main')).toBe(head);
    const retry = (await (await commit()).json()) as { data: { createCommitOnBranch: { commit: { oid: string } } } };
    expect(git(repo.gitDir, 'rev-parse', 'main')).toBe(retry.data.createCommitOnBranch.commit.oid);
    expect(git(repo.gitDir, 'rev-parse', 'main^')).toBe(head);
  });

  // A concurrent push that lands between the head check and the compare-and-swap (the `concurrent-push` fault).
  it.each([
    ['stale-data', () => ({ type: 'STALE_DATA', message: `Expected branch to point to "${head}" but it did not.  Pull and try again.` })],
    ['ref-is-at', (pushed: string) => ({ message: `Ref refs/heads/main is at ${pushed} but expected ${head}` })],
  ] as const)('losing a race, answered %s: the other push is on the branch, ours is not', async (answer, expected) => {
    server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'concurrent-push', answer } });
    const result = (await (await commit()).json()) as { data: unknown; errors: unknown[] };
    const pushed = git(repo.gitDir, 'rev-parse', 'main');
    expect(git(repo.gitDir, 'rev-parse', 'main^')).toBe(head);
    expect(git(repo.gitDir, 'log', '-1', '--format=%an <%ae>|%s', 'main')).toBe('Concurrent Pusher <pusher@example.com>|A concurrent push');
    expect(git(repo.gitDir, 'show', 'main:params.yaml')).toBe('lr: 0.1');
    expect(result.data).toEqual({ createCommitOnBranch: null });
    expect(result.errors).toEqual([{ ...expected(pushed), path: ['createCommitOnBranch'], locations: expect.any(Array) }]);
    // The fault was spent: the next write from the new head goes through.
    head = pushed;
    const next = (await (await commit()).json()) as { data: { createCommitOnBranch: { commit: { oid: string } } } };
    expect(next.data.createCommitOnBranch.commit.oid).toBe(git(repo.gitDir, 'rev-parse', 'main'));
  });

  it("a deletion of a path the head lacks: GitHub's captured sentence naming the head, nothing written", async () => {
    const result = (await (await commit({ deletions: [{ path: 'nope.txt' }] })).json()) as { errors: { message: string }[] };
    expect(result.errors[0]?.message).toBe(`A path was requested for deletion which does not exist as of commit oid \`${head}\``);
    expect(git(repo.gitDir, 'rev-parse', 'main')).toBe(head);
  });
});
