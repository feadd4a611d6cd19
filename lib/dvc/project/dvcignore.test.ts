import { describe, expect, it } from 'vitest';
import { readProject } from '..';
import { dvcIgnoreFilter, ignoredBy, parseIgnore } from './dvcignore';
import { memoryRepo } from '../testing/memory-repo';

// .dvcignore uses gitignore syntax (dvc.org: "dvcignore" docs; git-scm.com/docs/gitignore):
// a pattern without an inner slash matches at any depth, a leading slash anchors it, a trailing
// slash matches folders only, `**` spans folders, `!` re-includes, the last matching line wins,
// and nothing inside an ignored folder can be re-included.

function ignored(text: string, paths: string[], base = ''): string[] {
  const is = ignoredBy(parseIgnore(text, base));
  return paths.filter(is);
}

describe('gitignore rules of .dvcignore', () => {
  it.each([
    ['*.tmp', ['a.tmp', 'x/b.tmp', 'a.tmpx'], ['a.tmp', 'x/b.tmp']],
    ['/build', ['build/x', 'src/build/x'], ['build/x']],
    ['logs/', ['logs/a', 'x/logs/b', 'logs'], ['logs/a', 'x/logs/b']],
    ['data/**/raw', ['data/raw/f', 'data/a/b/raw/f', 'raw/f'], ['data/raw/f', 'data/a/b/raw/f']],
    ['*.csv\n!keep.csv', ['a.csv', 'keep.csv'], ['a.csv']],
    ['vendor/\n!vendor/dvc.yaml', ['vendor/dvc.yaml'], ['vendor/dvc.yaml']],
    ['# comment\n\n\\#hash', ['#hash', 'comment'], ['#hash']],
    ['exp[0-9]', ['exp1', 'expa'], ['exp1']],
  ])('%j', (text, paths, expected) => {
    expect(ignored(text, paths)).toEqual(expected);
  });

  it('a nested .dvcignore applies below its own folder', () => {
    expect(ignored('/out', ['sub/out/x', 'out/x', 'sub/other'], 'sub')).toEqual(['sub/out/x']);
  });
});

describe('readProject with .dvcignore', () => {
  it('does not collect dvc.yaml or .dvc files DVC ignores', async () => {
    const repo = memoryRepo({
      '.dvcignore': '# Add patterns of files dvc should ignore\nthird_party/\n*.bak.dvc\n',
      'dvc.yaml': 'stages:\n  s:\n    cmd: x\n',
      'third_party/lib/dvc.yaml': 'stages:\n  vendored:\n    cmd: y\n',
      'data.dvc': 'outs:\n- path: data\n',
      'old.bak.dvc': 'outs:\n- path: old\n',
    });
    const project = await readProject(repo.read, repo.paths);
    expect(project.stages).toEqual(['s']);
    expect(project.inputs.map((i) => i.path)).toEqual(['data']);
  });
});

describe('a hostile .dvcignore', () => {
  it('50 000 patterns over 20 000 paths: the first 200 apply, with a problem', async () => {
    const files: Record<string, string> = {
      '.dvcignore': `${Array.from({ length: 50_000 }, (_, i) => `*a*a*a*a*a*b${i}`).join('\n')}\n`,
      'dvc.yaml': 'stages:\n  s:\n    cmd: x\n',
    };
    for (let i = 0; i < 20_000; i++) files[`d${i % 100}/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa${i}.txt`] = '';
    const repo = memoryRepo(files);
    const project = await readProject(repo.read, repo.paths);
    expect(project.stages).toEqual(['s']);
    expect(project.problems).toEqual([{ path: '.dvcignore', message: expect.stringMatching(/first 200/) }]);
  });
});

describe('dvcIgnoreFilter: what DVC leaves out of a folder it hashes', () => {
  it("DVC's defaults (.git, .hg, .dvc folders) with no .dvcignore at all", () => {
    const is = dvcIgnoreFilter({});
    expect(['data/.git/HEAD', 'data/.git', 'data/sub/.hg/x', 'data/.dvc/config', 'data/a.csv', 'data/.gitignore'].filter(is)).toEqual([
      'data/.git/HEAD',
      'data/.git',
      'data/sub/.hg/x',
      'data/.dvc/config',
    ]);
  });

  it("the repository's .dvcignore and one inside the folder, the deeper one last", () => {
    const is = dvcIgnoreFilter({ 'data/.dvcignore': '!keep.tmp\n/local/\n', '.dvcignore': '*.tmp\n' });
    expect(['data/a.tmp', 'data/keep.tmp', 'data/local/x', 'data/sub/local/x', 'other/local/x', 'data/.dvcignore'].filter(is)).toEqual([
      'data/a.tmp',
      'data/local/x',
    ]);
  });
});
