import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeError, GitRepo } from './repo';

const enc = (s: string) => new TextEncoder().encode(s);
const who = { name: 'Ada', email: 'ada@example.com', date: '2024-01-01T00:00:00Z' };

/** Plain `git` as a developer would type it: the independent witness for what the layer did. */
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', [`--git-dir=${dir}`, ...args], { encoding: 'utf8' });
}

describe('GitRepo', () => {
  let dir: string;
  let repo: GitRepo;
  let first: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'git-layer-'));
    repo = await GitRepo.init(join(dir, 'r.git'));
    first = await repo.commitChanges({
      parent: null,
      changes: {
        additions: [
          { path: 'params.yaml', contents: enc('a: 1\n') },
          { path: 'src/run.sh', contents: enc('#!/bin/sh\n'), executable: true },
        ],
        deletions: [],
      },
      message: 'first\n\nbody line\n',
      author: who,
      committer: who,
    });
    expect(await repo.updateRef('refs/heads/main', first, null)).toBe(true);
  });
  afterAll(() => {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes blobs and trees git agrees with', async () => {
    expect(git(repo.gitDir, 'show', 'main:params.yaml')).toBe('a: 1\n');
    expect(git(repo.gitDir, 'ls-tree', '-r', 'main')).toContain('100755 blob');
    // Blob oids are content hashes, identical to what GitHub computes for the same bytes.
    expect((await repo.entry(first, 'params.yaml'))?.oid).toBe(execFileSync('git', ['hash-object', '--stdin'], { input: 'a: 1\n', encoding: 'utf8' }).trim());
    expect(await repo.entry(first, 'src/missing')).toBeNull();
    expect((await repo.readExpression('main:src/run.sh'))?.type).toBe('blob');
    const commit = await repo.readCommit(first);
    expect(commit).toMatchObject({ parents: [], message: 'first\n\nbody line\n', author: { name: 'Ada', date: '2024-01-01T00:00:00Z' } });
  });

  it('moves refs only by compare-and-swap', async () => {
    const second = await repo.commitChanges({
      parent: first,
      changes: { additions: [], deletions: ['src/run.sh'] },
      message: 'second',
      author: who,
      committer: who,
    });
    expect(await repo.updateRef('refs/heads/main', second, second)).toBe(false);
    expect(git(repo.gitDir, 'rev-parse', 'main').trim()).toBe(first);
    expect(await repo.updateRef('refs/heads/main', first, null)).toBe(false);
    expect(await repo.updateRef('refs/heads/main', second, first)).toBe(true);
    expect(git(repo.gitDir, 'rev-parse', 'main').trim()).toBe(second);
    expect(await repo.log({ from: second })).toEqual([second, first]);
    expect(await repo.log({ from: second, path: 'params.yaml' })).toEqual([first]);
    expect(await repo.count({ from: second })).toBe(2);
  });

  it('lists refs with annotated tags peeled to their commit', async () => {
    await repo.run(['tag', '-a', 'v1', '-m', 'release', first], { env: { GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' } });
    const [tag] = await repo.refs('refs/tags/');
    expect(tag).toEqual({ name: 'refs/tags/v1', oid: git(repo.gitDir, 'rev-parse', 'v1').trim(), peeled: first });
    expect(tag!.oid).not.toBe(first);
  });

  it('refuses deletions of missing paths and duplicate paths, like GitHub', async () => {
    await expect(
      repo.commitChanges({ parent: first, changes: { additions: [], deletions: ['nope'] }, message: 'x', author: who, committer: who }),
    ).rejects.toBeInstanceOf(ChangeError);
    await expect(
      repo.commitChanges({
        parent: first,
        changes: { additions: [{ path: 'a', contents: enc('') }], deletions: ['a'] },
        message: 'x',
        author: who,
        committer: who,
      }),
    ).rejects.toBeInstanceOf(ChangeError);
  });

  it("pushFiles: one commit of those files on the branch's head, by someone else, and the branch moved to it", async () => {
    expect(await repo.updateRef('refs/heads/pushed', first, null)).toBe(true);
    const moves: string[] = [];
    const listener = (move: { ref: string }) => void moves.push(move.ref);
    repo.refMoves.add(listener);
    const oid = await repo.pushFiles('pushed', { 'params.yaml': 'a: 2\n', 'bin.dat': Uint8Array.from([0, 255]) }, 'Theirs');
    repo.refMoves.delete(listener);
    expect(git(repo.gitDir, 'rev-parse', 'pushed').trim()).toBe(oid);
    expect(git(repo.gitDir, 'rev-parse', 'pushed^').trim()).toBe(first);
    expect(git(repo.gitDir, 'diff-tree', '-r', '--name-status', '--no-commit-id', first, oid).trim().split('\n')).toEqual(['A\tbin.dat', 'M\tparams.yaml']);
    expect(git(repo.gitDir, 'show', `${oid}:params.yaml`)).toBe('a: 2\n');
    expect(git(repo.gitDir, 'log', '-1', '--format=%an <%ae> %s', oid).trim()).toBe('Someone Else <else@example.com> Theirs');
    expect(moves).toEqual(['refs/heads/pushed']);
    await expect(repo.pushFiles('missing', { a: 'x' }, 'x')).rejects.toThrow('no branch missing');
  });
});
