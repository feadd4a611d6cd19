import { describe, expect, it } from 'vitest';
import { readSample, sampleMemoryRepo } from './sample-repo';

describe('the sample DVC project', () => {
  it('reads one commit per folder, in name order, with its metadata and files', () => {
    const commits = readSample();
    expect(commits.map((c) => c.folder)).toEqual([
      '001-init', '002-baseline', '003-n-est-100', '004-depth-5', '005-scale', '006-depth-4', '007-readme', '008-n-est-200',
    ]);
    expect(commits[0]).toMatchObject({
      message: 'Set up the iris pipeline: train and evaluate stages',
      author: { name: 'Dana Okafor', email: 'dana@example.com', login: 'dana-ml' },
      date: '2026-09-01T09:12:00Z',
    });
    expect(commits[0]!.changedPaths).toContain('.dvc/config');
    expect(commits[0]!.changedPaths).toContain('data/iris.csv.dvc');
    expect(commits[4]!.changedPaths).toEqual(['dvc.lock', 'metrics.json', 'params.yaml', 'src/train.py']);
    expect(commits[6]!.changedPaths).toEqual(['README.md']);
  });

  it('becomes a repository whose main branch lists the newest commit first', () => {
    const repo = sampleMemoryRepo('iris', 'iris-lab');
    expect(repo.commits).toHaveLength(8);
    expect(repo.branches.main).toBe(repo.commits[7]!.oid);
    expect(repo.commits[7]!.parents).toEqual([repo.commits[6]!.oid]);
  });
});
