import { describe, expect, it } from 'vitest';
import { readProject } from '..';
import { commit } from '../testing/fixture-repo';

// Expectations from the fixture's dvc.yaml (iterative/example-get-started baseline 0d46eb4) and
// DVC's rules: `deps` are relative to the stage's wdir; outputs (data/prepared, data/features,
// model.pkl) and `.dvc` data sources live in DVC's cache, not in git.

describe('gitInputs: stage deps kept in git', () => {
  it("lists example-get-started's scripts, in the stages' order, each with the stages using it", async () => {
    const repo = commit('iterative__example-get-started/baseline-0d46eb4');
    // The fixture holds only DVC's files; the real tree also has the stage scripts (dvc.lock records their md5s).
    const scripts = ['src/prepare.py', 'src/featurization.py', 'src/train.py', 'src/evaluate.py'];
    const project = await readProject(repo.read, [...repo.paths, ...scripts, 'README.md']);
    expect(project.gitInputs).toEqual(scripts.map((path) => ({ path, stages: [path === 'src/featurization.py' ? 'featurize' : path.slice(4, -3)] })));
  });

  it('leaves out deps missing from the commit, DVC outputs and data sources (and files inside them), folders and URLs', async () => {
    const files: Record<string, string> = {
      'dvc.yaml': [
        'stages:',
        '  a:',
        '    cmd: run',
        '    wdir: sub',
        '    deps: [script.py, ../common.cfg, ../missing.py, ../data, ../out/part.txt, ../src, https://example.com/x.csv]',
        '    outs: [../out]',
        '  b:',
        '    cmd: run',
        '    deps: [common.cfg, data/raw.csv]',
        '',
      ].join('\n'),
      'data.dvc': 'outs:\n- md5: 0123456789abcdef0123456789abcdef.dir\n  path: data\n',
    };
    const paths = [...Object.keys(files), 'sub/script.py', 'common.cfg', 'data/raw.csv', 'out/part.txt', 'src/a.py'];
    const project = await readProject(async (path) => files[path] ?? null, paths);
    expect(project.gitInputs).toEqual([
      { path: 'sub/script.py', stages: ['a'] },
      { path: 'common.cfg', stages: ['a', 'b'] },
    ]);
    expect(project.problems).toEqual([]);
  });
});
