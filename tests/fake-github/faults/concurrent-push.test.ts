import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitRepo } from '../git/repo';
import { graphqlHandler } from '../graphql/handler';
import { startServer, type FakeServer } from '../server';
import { Store } from '../store';
import { git } from '../testing/git-cli';
import { GITHUB_API_FIXTURES } from '../../shared-fixtures';

const who = { name: 'Ada', email: 'ada@example.com', date: '2026-01-01T00:00:00Z' };
const MUTATION = readFileSync(join(GITHUB_API_FIXTURES, 'queries/create-commit-on-branch.graphql'), 'utf8');

interface Answer {
  data: { createCommitOnBranch: { commit: { oid: string } } | null } | null;
  errors?: { type?: string; message: string; path?: string[] }[];
}

describe('createCommitOnBranch losing a race, and deleting a missing path', () => {
  let dir: string;
  let store: Store;
  let repo: GitRepo;
  let head: string;
  let server: FakeServer;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fault-race-'));
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

  const commit = async (fileChanges: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer t' },
      body: JSON.stringify({
        query: MUTATION,
        variables: {
          input: { branch: { repositoryNameWithOwner: 'o/r', branchName: 'main' }, expectedHeadOid: head, message: { headline: 'Edit' }, fileChanges },
        },
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Answer;
  };
  const edit = { additions: [{ path: 'params.yaml', contents: Buffer.from('lr: 0.2\n').toString('base64') }] };

  it.each([
    ['stale-data', () => ({ type: 'STALE_DATA', message: `Expected branch to point to "${head}" but it did not.  Pull and try again.` })],
    ['ref-is-at', (pushed: string) => ({ message: `Ref refs/heads/main is at ${pushed} but expected ${head}` })],
  ] as const)('answer %s: the other push is on the branch, ours is not', async (answer, expected) => {
    server.faults.add({ match: { operation: 'CreateCommitOnBranch' }, action: { kind: 'concurrent-push', answer } });
    const result = await commit(edit);
    const pushed = git(repo.gitDir, 'rev-parse', 'main').trim();
    expect(pushed).not.toBe(head);
    expect(git(repo.gitDir, 'rev-parse', 'main^').trim()).toBe(head);
    expect(git(repo.gitDir, 'log', '-1', '--format=%an <%ae>|%s', 'main').trim()).toBe('Concurrent Pusher <pusher@example.com>|A concurrent push');
    expect(git(repo.gitDir, 'show', 'main:params.yaml')).toBe('lr: 0.1\n');
    expect(result.data).toEqual({ createCommitOnBranch: null });
    expect(result.errors).toEqual([{ ...expected(pushed), path: ['createCommitOnBranch'], locations: expect.any(Array) }]);
    // The fault was spent: the next write from the new head goes through.
    head = pushed;
    expect((await commit(edit)).data?.createCommitOnBranch?.commit.oid).toBe(git(repo.gitDir, 'rev-parse', 'main').trim());
  });

  it("a deletion of a path the head lacks: GitHub's captured sentence naming the head, nothing written", async () => {
    const result = await commit({ deletions: [{ path: 'nope.txt' }] });
    expect(result.errors?.[0]?.message).toBe(`A path was requested for deletion which does not exist as of commit oid \`${head}\``);
    expect(git(repo.gitDir, 'rev-parse', 'main').trim()).toBe(head);
  });
});
