import { describe, expect, it } from 'vitest';
import { readProject } from '../../dvc';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DVC_FIXTURES } from '../../../tests/fixture-paths';
import { collectEdits, fieldState } from './edits';
import { groupParams, unreproduced, visibleGitInputs, visibleInputs } from './groups';

/** A snapshot of the real example-get-started (fixtures), as a commit's tree. */
async function exampleGetStarted(folder: string) {
  const root = join(DVC_FIXTURES, 'iterative__example-get-started', folder);
  const paths = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
  const read = async (path: string) => (paths.includes(path) ? readFile(join(root, path), 'utf8') : null);
  return { read, paths };
}

describe('the form model of example-get-started', () => {
  it('groups the params by file and top-level group, lists data.xml, and the outputs only with the hidden toggle', async () => {
    const { read, paths } = await exampleGetStarted('main-06ea489');
    const project = await readProject(read, paths);
    expect(groupParams(project.params).map((f) => [f.file, f.groups.map((g) => g.name)])).toEqual([['params.yaml', ['prepare', 'featurize', 'train']]]);
    expect(groupParams(project.params, 'n_est')[0]!.groups.map((g) => g.params.map((p) => p.key))).toEqual([['train.n_est']]);
    expect(visibleInputs(project.inputs, false).map((i) => i.path)).toEqual(['data/data.xml']);
    expect(visibleInputs(project.inputs, true).map((i) => i.path)).toEqual(
      expect.arrayContaining(['data/data.xml', 'model.pkl', 'data/prepared', 'data/features']),
    );
  });

  it('lists the stage inputs git keeps whatever the hidden toggle, filtered by path', async () => {
    const { read, paths } = await exampleGetStarted('main-06ea489');
    const project = await readProject(read, [...paths, 'src/prepare.py', 'src/train.py']);
    expect(visibleGitInputs(project.gitInputs).map((i) => i.path)).toEqual(['src/prepare.py', 'src/train.py']);
    expect(visibleGitInputs(project.gitInputs, 'TRAIN').map((i) => i.path)).toEqual(['src/train.py']);
    expect(visibleGitInputs(project.gitInputs, 'n_est')).toEqual([]);
  });

  it('the Studio commit of PR 46 holds a param dvc.lock has not reproduced', async () => {
    const { read, paths } = await exampleGetStarted('studio-commit-pr46-a9d6176');
    const project = await readProject(read, paths);
    expect(project.params.filter(unreproduced).map((p) => [p.key, p.value, p.locked])).toEqual([['train.n_est', 100, 50]]);
  });

  it('checks each edit with the params editor: an integer param refuses 1.5, a float one takes it', async () => {
    const { read, paths } = await exampleGetStarted('main-06ea489');
    const project = await readProject(read, paths);
    const files = { 'params.yaml': (await read('params.yaml')) as string };
    const param = (key: string) => project.params.find((p) => p.key === key)!;
    expect(fieldState(param('train.n_est'), { 'params.yaml:train.n_est': '1.5' }, files).error).toBe('Not a whole number.');
    expect(fieldState(param('train.min_split'), { 'params.yaml:train.min_split': '3' }, files)).toMatchObject({ changed: true, edit: { value: 3 } });
    expect(fieldState(param('prepare.split'), { 'params.yaml:prepare.split': '0.2' }, files).changed).toBe(false);
    const drafts = { 'params.yaml:train.n_est': '70', 'params.yaml:prepare.seed': 'x', 'params.yaml:prepare.split': '0.20' };
    expect(collectEdits(project.params, drafts, files)).toEqual({
      edits: [{ file: 'params.yaml', key: 'train.n_est', value: 70 }],
      invalid: ['params.yaml:prepare.seed'],
    });
  });
});
