import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editParams, readProject, type Param, type ParamValue, type ReadFile } from '..';
import { FIXTURES } from '../testing/fixture-files';
import { commit } from '../testing/fixture-repo';
import { memoryRepo } from '../testing/memory-repo';

// The editor and the reader agree: every param readProject reports can be edited under the key it
// reports, and readProject then reports the new value for that param and nothing else changed.

function newValue(old: ParamValue): ParamValue {
  if (typeof old === 'number') return Number.isInteger(old) ? old + 7 : old === 1e-7 ? 0.5 : 1e-7;
  if (typeof old === 'string') return old === 'yes' ? 'no' : 'yes';
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return [...old, old[0] ?? 'x'];
  throw new Error(`no new value for ${JSON.stringify(old)}`);
}

async function textOf(read: ReadFile, path: string): Promise<string> {
  const content = await read(path);
  if (content === null) throw new Error(`${path} is missing`);
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

async function editEveryParam(read: ReadFile, paths: string[]): Promise<number> {
  const before = await readProject(read, paths);
  for (const param of before.params) {
    const value = newValue(param.value as ParamValue);
    const edited = editParams(await textOf(read, param.file), param.file, [{ key: param.key, value }]);
    const after = await readProject((path) => (path === param.file ? Promise.resolve(edited) : read(path)), paths);
    const expected: Param[] = before.params.map((p) => (p === param ? { ...p, value: value as Param['value'] } : p));
    expect(after.params, `${param.file}:${param.key}`).toEqual(expected);
  }
  return before.params.length;
}

const snapshots = readdirSync(FIXTURES)
  .filter((project) => statSync(join(FIXTURES, project)).isDirectory())
  .flatMap((project) =>
    readdirSync(join(FIXTURES, project))
      .filter((snapshot) => existsSync(join(FIXTURES, project, snapshot, 'dvc.yaml')))
      .map((snapshot) => `${project}/${snapshot}`),
  );

describe('editParams on every param readProject reports', () => {
  it.each(snapshots)('%s', async (snapshot) => {
    const repo = commit(snapshot);
    expect(await editEveryParam(repo.read, repo.paths)).toBeGreaterThan(0);
  });

  it('a Python params file: module constants, class attributes, self.x in __init__, dict groups', async () => {
    const repo = memoryRepo({
      'dvc.yaml': 'stages:\n  train:\n    cmd: python train.py\n    params:\n      - params.py:\n',
      'params.py': [
        'THRESHOLD = 10',
        'NAME = "resnet"',
        'LAYERS = [64, 128]',
        'OPT = {"lr": 0.01, "betas": {"b1": 0.9}}',
        '',
        'class TrainConfig:',
        '    EPOCHS = 70',
        '    def __init__(self):',
        '        self.dropout = 0.25',
        '',
      ].join('\n'),
    });
    expect(await editEveryParam(repo.read, repo.paths)).toBe(7);
  });
});
