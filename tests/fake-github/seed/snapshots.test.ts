import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../git/repo';
import { git } from '../git/git-cli';
import { seedFromSnapshots, type SeedResult } from './snapshots';

/** The snapshot-folder format, checked with the git CLI on a small hand-made folder. */
let dir: string;
let repo: GitRepo;
let seed: SeedResult;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, 'snapshots', path)), { recursive: true });
  await writeFile(join(dir, 'snapshots', path), text);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snapshots-'));
  await put('README.md', 'files beside the snapshot folders are not commits\n');
  await put('01-root/a.txt', '1\n');
  await put('01-root/dir/b.txt', 'b\n');
  await put('01-root/run.sh', '#!/bin/sh\n');
  await chmod(join(dir, 'snapshots/01-root/run.sh'), 0o755);
  await put('02-second/a.txt', '2\n');
  await put(
    '02-second/commit.json',
    JSON.stringify({
      message: 'Second\n\nWith a body',
      author: 'Ann <ann@example.com>',
      committer: { name: 'Bot', email: 'bot@example.com' },
      date: '2024-02-01T10:00:00Z',
    }),
  );
  await put('03-feature/c.txt', 'c\n');
  await put('03-feature/commit.json', JSON.stringify({ branch: 'feature', delete: ['dir/b.txt'] }));
  await put('04-main/d.txt', 'd\n');
  await put('05-merge/c.txt', 'merged\n');
  await put('05-merge/commit.json', JSON.stringify({ message: "Merge branch 'feature'", parents: ['main', 'feature'] }));
  // Name order, not creation order: 10 sorts after 05.
  await put('10-last/e.txt', 'e\n');
  repo = await GitRepo.init(join(dir, 'repo.git'));
  seed = await seedFromSnapshots(repo, join(dir, 'snapshots'));
});
afterAll(async () => {
  repo.close();
  await rm(dir, { recursive: true, force: true });
});

const show = (...args: string[]) => git(repo.gitDir, ...args).trim();

describe('seedFromSnapshots', () => {
  it('makes one commit per subfolder, in name order, on the branches named', () => {
    expect(seed.commits.map((c) => [c.name, c.branch])).toEqual([
      ['01-root', 'main'],
      ['02-second', 'main'],
      ['03-feature', 'feature'],
      ['04-main', 'main'],
      ['05-merge', 'main'],
      ['10-last', 'main'],
    ]);
    const oid = Object.fromEntries(seed.commits.map((c) => [c.name, c.oid]));
    expect(seed.branches).toEqual({ main: oid['10-last'], feature: oid['03-feature'] });
    expect(show('rev-parse', 'main')).toBe(oid['10-last']);
    expect(show('symbolic-ref', 'HEAD')).toBe('refs/heads/main');
    expect(show('for-each-ref', '--format=%(refname)')).toBe('refs/heads/feature\nrefs/heads/main'); // no scratch ref left
  });

  it('lays each snapshot over its first parent, honouring delete and the executable bit', () => {
    expect(show('ls-tree', '-r', '--name-only', 'main~2')).toBe('a.txt\nd.txt\ndir/b.txt\nrun.sh'); // 04-main on 02-second, in git's tree order
    expect(show('show', 'main~2:a.txt')).toBe('2');
    expect(show('ls-tree', '-r', '--name-only', 'feature')).toBe('a.txt\nc.txt\nrun.sh'); // dir/b.txt deleted
    expect(show('ls-tree', 'main', 'run.sh').split(' ')[0]).toBe('100755');
    expect(show('ls-tree', '-r', '--name-only', 'main')).not.toContain('README.md');
  });

  it('takes parents, message, author, committer and date from commit.json', () => {
    const oid = Object.fromEntries(seed.commits.map((c) => [c.name, c.oid]));
    expect(show('log', '-1', '--format=%P', oid['05-merge']!)).toBe(`${oid['04-main']} ${oid['03-feature']}`);
    expect(show('show', `${oid['05-merge']}:c.txt`)).toBe('merged');
    expect(show('log', '-1', '--format=%P', oid['03-feature']!)).toBe(oid['02-second']); // a new branch forks from the previous snapshot
    expect(show('log', '-1', '--format=%an <%ae>|%cn <%ce>|%aI|%B', oid['02-second']!)).toBe(
      'Ann <ann@example.com>|Bot <bot@example.com>|2024-02-01T10:00:00+00:00|Second\n\nWith a body',
    );
    expect(show('log', '-1', '--format=%s|%cI', oid['04-main']!)).toBe('04-main|2024-01-01T03:00:00+00:00'); // defaults: folder name, base date + 1 h per snapshot
  });

  it('moves a branch only from the tip it built on: a push during the import is refused, not overwritten', async () => {
    const pushed = show('rev-parse', 'main~1');
    // A push lands while fast-import runs: main moves (by plain git) under the seeder's feet.
    class PushedDuringImport extends GitRepo {
      override async run(args: string[], options?: Parameters<GitRepo['run']>[1]): Promise<Buffer> {
        if (args[0] === 'fast-import') git(this.gitDir, 'update-ref', 'refs/heads/main', pushed);
        return super.run(args, options);
      }
    }
    await put('more/11-next/f.txt', 'f\n');
    const racing = new PushedDuringImport(repo.gitDir);
    try {
      await expect(seedFromSnapshots(racing, join(dir, 'snapshots', 'more'))).rejects.toThrow('refs/heads/main moved while seeding');
    } finally {
      racing.close();
    }
    expect(show('rev-parse', 'main')).toBe(pushed);
  });
});
