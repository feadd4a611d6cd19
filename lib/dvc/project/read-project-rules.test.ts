import { describe, expect, it } from 'vitest';
import { readProject } from '..';
import { memoryRepo } from '../testing/memory-repo';

// Each case is one rule of DVC's documentation (dvc.org: dvc.yaml files, params, metrics, plots,
// templating) on a small repository, expectations written from the rule.

async function project(files: Record<string, string | Uint8Array>, paths?: string[]) {
  const repo = memoryRepo(files);
  return readProject(repo.read, paths ?? repo.paths);
}

describe('params collection', () => {
  it('bare keys → params.yaml in the stage wdir; the lock is keyed relative to wdir', async () => {
    const p = await project({
      'dvc.yaml': 'stages:\n  fit:\n    wdir: model\n    cmd: python fit.py\n    params: [lr, opt.name]\n    outs: [out.bin]\n',
      'model/params.yaml': 'lr: 0.1\nopt:\n  name: adam\n  beta: 0.9\n',
      'dvc.lock':
        "schema: '2.0'\nstages:\n  fit:\n    cmd: python fit.py\n    params:\n      params.yaml:\n        lr: 0.05\n        opt.name: adam\n    outs:\n    - path: out.bin\n      hash: md5\n      md5: 0123456789abcdef0123456789abcdef\n      size: 3\n",
    });
    expect(p.params).toEqual([
      { file: 'model/params.yaml', key: 'lr', value: 0.1, locked: 0.05 },
      { file: 'model/params.yaml', key: 'opt.name', value: 'adam', locked: 'adam' },
    ]);
    expect(p.inputs).toEqual([
      {
        path: 'model/out.bin',
        hidden: true,
        dvcFile: 'dvc.lock',
        md5: '0123456789abcdef0123456789abcdef',
        size: 3,
        hashGeneration: '3',
      },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('`- file: [keys]`, `- file:` whole, a group key selecting its sub-tree, whole-anywhere winning', async () => {
    const p = await project({
      'dvc.yaml': [
        'stages:',
        '  a:',
        '    cmd: a',
        '    params:',
        '    - cfg.json: [model]',
        '    - conf.toml: [x]',
        '  b:',
        '    cmd: b',
        '    params:',
        '    - conf.toml:',
        '',
      ].join('\n'),
      'cfg.json': '{"model": {"depth": 3, "layers": [1, 2]}, "other": true}',
      'conf.toml': 'x = 1\ny = "two"\n[t]\nz = 1.5\n',
    });
    expect(p.params).toEqual([
      { file: 'cfg.json', key: 'model.depth', value: 3 },
      { file: 'cfg.json', key: 'model.layers', value: [1, 2] },
      { file: 'conf.toml', key: 'x', value: 1 },
      { file: 'conf.toml', key: 'y', value: 'two' },
      { file: 'conf.toml', key: 't.z', value: 1.5 },
    ]);
  });

  it('the root params.yaml is read whole even when no stage names it; top-level params files too', async () => {
    const p = await project({
      'dvc.yaml': 'params:\n- conf/extra.yaml\nstages: {}\n',
      'params.yaml': 'unused: 1\n',
      'conf/extra.yaml': 'k: v\n',
    });
    expect(p.params).toEqual([
      { file: 'conf/extra.yaml', key: 'k', value: 'v' },
      { file: 'params.yaml', key: 'unused', value: 1 },
    ]);
    const bare = await project({ 'params.yaml': 'a:\n  b: 2\n' });
    expect(bare.params).toEqual([{ file: 'params.yaml', key: 'a.b', value: 2 }]);
  });

  it('a folder named as params stands for every file in it', async () => {
    const p = await project({ 'dvc.yaml': 'params:\n- configs\n', 'configs/a.yaml': 'x: 1\n', 'configs/b.json': '{"y": 2}' });
    expect(p.params).toEqual([
      { file: 'configs/a.yaml', key: 'x', value: 1 },
      { file: 'configs/b.json', key: 'y', value: 2 },
    ]);
  });

  it('YAML 1.2: `yes` is a string, `1.0e-3` and `0.20` are numbers, `~` is null', async () => {
    const p = await project({ 'params.yaml': 'flag: yes\nlr: 1.0e-3\nsplit: 0.20\nnone: ~\noct: 0o14\n' });
    expect(p.params.map((x) => [x.key, x.value])).toEqual([
      ['flag', 'yes'],
      ['lr', 0.001],
      ['split', 0.2],
      ['none', null],
      ['oct', 12],
    ]);
  });

  it('Python params: module literals, class attributes as Class.ATTR, self.x in __init__, multi-line literals', async () => {
    const p = await project({
      'dvc.yaml': 'stages:\n  t:\n    cmd: t\n    params:\n    - config.py:\n',
      'config.py': [
        'import os',
        'EPOCHS = 10',
        'LAYERS = [',
        '    64,',
        '    32,',
        ']',
        'PATH = os.path.join("a", "b")',
        'class Train:',
        '    LR = 0.01',
        '    def __init__(self):',
        '        self.momentum = 0.9',
        '        local = 5',
        '',
      ].join('\n'),
    });
    expect(p.params).toEqual([
      { file: 'config.py', key: 'EPOCHS', value: 10 },
      { file: 'config.py', key: 'LAYERS', value: [64, 32] },
      { file: 'config.py', key: 'Train.LR', value: 0.01 },
      { file: 'config.py', key: 'Train.momentum', value: 0.9 },
    ]);
  });

  // TOML 1.0: integers are 64-bit, so 2^63 - 1 is valid and DVC (tomlkit) reads the file; like
  // YAML/JSON integers beyond 2^53 it arrives as the nearest double, and the file's other params stay.
  it('a TOML integer beyond 2^53 does not cost the file', async () => {
    const p = await project({ 'dvc.yaml': 'params: [p.toml]\n', 'p.toml': 'seed = 9223372036854775807\nlr = 0.1\n' });
    expect(p.params).toEqual([
      { file: 'p.toml', key: 'seed', value: 9223372036854775807 },
      { file: 'p.toml', key: 'lr', value: 0.1 },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('a listed key that is absent is a problem of that params file', async () => {
    const p = await project({
      'dvc.yaml': 'stages:\n  t:\n    cmd: t\n    params: [lr, missing.key]\n',
      'params.yaml': 'lr: 1\n',
    });
    expect(p.params).toEqual([{ file: 'params.yaml', key: 'lr', value: 1 }]);
    expect(p.problems).toEqual([{ path: 'params.yaml', message: expect.stringContaining("'missing.key'") }]);
  });

  it('a key may be a glob over segments, as dpath.search matches it', async () => {
    const p = await project({
      'dvc.yaml': "stages:\n  t:\n    cmd: t\n    params:\n    - p.json: ['train.*_lr', 'eval.n?']\n",
      'p.json': '{"train": {"base_lr": 1, "head_lr": 2, "epochs": 3}, "eval": {"n1": 4, "n22": 5}}',
    });
    expect(p.params).toEqual([
      { file: 'p.json', key: 'train.base_lr', value: 1 },
      { file: 'p.json', key: 'train.head_lr', value: 2 },
      { file: 'p.json', key: 'eval.n1', value: 4 },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('reads files a dvc.yaml names even when they are not listed', async () => {
    const repo = memoryRepo({
      'dvc.yaml': 'stages:\n  t:\n    cmd: t\n    params:\n    - p.json: [a]\n',
      'p.json': '{"a": 1}',
    });
    const p = await readProject(repo.read, ['dvc.yaml']);
    expect(p.params).toEqual([{ file: 'p.json', key: 'a', value: 1 }]);
  });
});

describe('external outputs', () => {
  it('are no inputs of the repository', async () => {
    const p = await project({ 'dvc.yaml': 'stages:\n  s:\n    cmd: x\n    outs:\n    - s3://bucket/model.pkl\n    - /mnt/data/out\n    - local.bin\n' });
    expect(p.inputs.map((i) => i.path)).toEqual(['local.bin']);
    expect(p.problems).toEqual([]);
  });
});

describe('nested dvc.yaml files', () => {
  it('names stages sub/dvc.yaml:name and resolves paths against their folder and lock', async () => {
    const p = await project({
      'sub/dvc.yaml': 'stages:\n  fit:\n    cmd: fit\n    params: [n]\n    outs: [model.pkl]\n    metrics: [m.json]\n',
      'sub/params.yaml': 'n: 3\n',
      'sub/dvc.lock':
        "schema: '2.0'\nstages:\n  fit:\n    cmd: fit\n    params:\n      params.yaml:\n        n: 2\n    outs:\n    - path: model.pkl\n      md5: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n      size: 10\n",
      'sub/m.json': '{"acc": 0.5}',
    });
    expect(p.stages).toEqual(['sub/dvc.yaml:fit']);
    expect(p.params).toEqual([{ file: 'sub/params.yaml', key: 'n', value: 3, locked: 2 }]);
    expect(p.inputs).toEqual([
      { path: 'sub/model.pkl', hidden: true, dvcFile: 'sub/dvc.lock', md5: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', size: 10, hashGeneration: '2' },
      // Not yet in the lock: no hash, generation 3 (what DVC 3 would write).
      { path: 'sub/m.json', hidden: true, dvcFile: 'sub/dvc.lock', hashGeneration: '3' },
    ]);
    expect(p.metrics).toEqual([{ file: 'sub/m.json', key: 'acc', value: 0.5 }]);
  });
});

describe('sub-repositories', () => {
  it('a folder with its own .dvc/ is another DVC project: the root one does not collect it', async () => {
    const p = await project({
      '.dvc/config': '',
      'dvc.yaml': 'stages:\n  root:\n    cmd: x\n',
      'sub/.dvc/config': '',
      'sub/dvc.yaml': 'stages:\n  inner:\n    cmd: y\n',
      'sub/data.dvc': 'outs:\n- path: data\n  md5: cccccccccccccccccccccccccccccccc.dir\n',
    });
    expect(p.stages).toEqual(['root']);
    expect(p.inputs).toEqual([]);
  });
});

describe('.dvc files', () => {
  it('outputs are relative to the .dvc file and its wdir; they are the visible inputs', async () => {
    const p = await project({
      'data/raw.dvc': 'wdir: ..\nouts:\n- md5: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n  size: 5\n  hash: md5\n  path: raw/file.csv\n',
    });
    expect(p.inputs).toEqual([
      {
        path: 'raw/file.csv',
        hidden: false,
        dvcFile: 'data/raw.dvc',
        md5: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
        size: 5,
        hashGeneration: '3',
      },
    ]);
  });
});

describe('legacy single-stage .dvc files (DVC 1: `dvc run -f train.dvc`)', () => {
  it('is a stage: its outputs are hidden, `metric: true` outputs are metrics', async () => {
    const p = await project({
      'train.dvc': [
        'md5: fd75c91bb60baf9bf36e4f64f0c1c7e0',
        'cmd: python train.py',
        'deps:',
        '- md5: 53184cb9a5fcf12de2460a1545ea50d4',
        '  path: train.py',
        'outs:',
        '- md5: 0c9e7f4a1e4d6f4e8ed3ea2a4ee0e1d4',
        '  path: model.pkl',
        '  cache: true',
        '  metric: false',
        '- md5: 9e2a2e2d8b1c9c11cbc8e7e6f5c8f3a1',
        '  path: auc.json',
        '  cache: false',
        '  metric: true',
        '',
      ].join('\n'),
      'auc.json': '{"auc": 0.61}',
    });
    expect(p.stages).toEqual(['train.dvc']);
    expect(p.inputs).toEqual([
      { path: 'model.pkl', hidden: true, dvcFile: 'train.dvc', md5: '0c9e7f4a1e4d6f4e8ed3ea2a4ee0e1d4', hashGeneration: '2' },
      { path: 'auc.json', hidden: true, dvcFile: 'train.dvc', md5: '9e2a2e2d8b1c9c11cbc8e7e6f5c8f3a1', hashGeneration: '2' },
    ]);
    expect(p.metrics).toEqual([{ file: 'auc.json', key: 'auc', value: 0.61 }]);
  });
});

describe('templating: foreach, matrix, vars, ${}', () => {
  it('foreach over a list, a list of mappings and a mapping; ${item} and ${key} in every field', async () => {
    const p = await project({
      'params.yaml': 'models: [cnn, rnn]\nsets:\n  small: {n: 1}\n  big: {n: 9}\n',
      'dvc.yaml': [
        'stages:',
        '  train:',
        '    foreach: ${models}',
        '    do:',
        '      cmd: train ${item}',
        '      outs:',
        '      - out/${item}.pkl',
        '  prep:',
        '    foreach:',
        '    - {src: a}',
        '    - {src: b}',
        '    do:',
        '      cmd: prep ${item.src}',
        '      outs:',
        '      - ${item.src}.csv',
        '  eval:',
        '    foreach: ${sets}',
        '    do:',
        '      cmd: eval ${key} ${item.n}',
        '      wdir: ${key}',
        '      metrics: [m.json]',
        '',
      ].join('\n'),
    });
    expect(p.stages).toEqual(['train@cnn', 'train@rnn', 'prep@0', 'prep@1', 'eval@small', 'eval@big']);
    expect(p.inputs.map((i) => i.path)).toEqual(['out/cnn.pkl', 'out/rnn.pkl', 'a.csv', 'b.csv', 'small/m.json', 'big/m.json']);
    expect(p.problems.map((x) => x.path)).toEqual(['big/m.json', 'small/m.json']);
  });

  it('foreach over scalars names stages as Python prints them; ${item} works in params keys', async () => {
    const p = await project({
      'params.yaml': 'a:\n  lr: 1\nb:\n  lr: 2\n',
      'dvc.yaml':
        'stages:\n  s:\n    foreach: [3, 0.5, true, 0.00001, a]\n    do:\n      cmd: x\n  t:\n    foreach: [a, b]\n    do:\n      cmd: t\n      params:\n      - ${item}.lr\n',
      'dvc.lock': "schema: '2.0'\nstages:\n  t@b:\n    cmd: t\n    params:\n      params.yaml:\n        b.lr: 1\n",
    });
    expect(p.stages).toEqual(['s@3', 's@0.5', 's@true', 's@1e-05', 's@a', 't@a', 't@b']);
    expect(p.params).toEqual([
      { file: 'params.yaml', key: 'a.lr', value: 1 },
      { file: 'params.yaml', key: 'b.lr', value: 2, locked: 1 },
    ]);
  });

  it('`item` shadows a params.yaml `item` inside foreach (DVC only warns)', async () => {
    const p = await project({
      'params.yaml': 'item: global\n',
      'dvc.yaml': 'stages:\n  s:\n    foreach: [a]\n    do:\n      cmd: x\n      outs:\n      - ${item}.out\n',
    });
    expect(p.inputs.map((i) => i.path)).toEqual(['a.out']);
    expect(p.problems).toEqual([]);
  });

  it('matrix: names joined with "-", a composite value named by its dimension and index', async () => {
    const p = await project({
      'dvc.yaml': [
        'stages:',
        '  fit:',
        '    matrix:',
        '      model: [cnn, xgb]',
        '      cfg: [{lr: 1}, {lr: 2}]',
        '    cmd: fit ${item.model} ${item.cfg.lr}',
        '    outs:',
        '    - ${item.model}-${item.cfg.lr}.bin',
        '',
      ].join('\n'),
    });
    expect(p.stages).toEqual(['fit@cnn-cfg0', 'fit@cnn-cfg1', 'fit@xgb-cfg0', 'fit@xgb-cfg1']);
    expect(p.inputs.map((i) => i.path)).toEqual(['cnn-1.bin', 'cnn-2.bin', 'xgb-1.bin', 'xgb-2.bin']);
  });

  it('matrix from a params mapping, whole or per dimension', async () => {
    const p = await project({
      'params.yaml': 'grid:\n  lr: [1, 2]\nseeds: [7]\n',
      'dvc.yaml': 'stages:\n  a:\n    matrix: ${grid}\n    cmd: x ${item.lr}\n  b:\n    matrix:\n      seed: ${seeds}\n      opt: [sgd]\n    cmd: y ${key}\n',
    });
    expect(p.stages).toEqual(['a@1', 'a@2', 'b@7-sgd']);
  });

  it('vars inline and from files (file:keys); params file names and top-level entries interpolated', async () => {
    const p = await project({
      'params.yaml': 'metrics_file: scores.json\n',
      'conf.yaml': 'data:\n  dir: raw\nunused: 1\n',
      'dvc.yaml': [
        'vars:',
        '- conf.yaml:data',
        '- cfgfile: settings.json',
        'metrics:',
        '- ${metrics_file}',
        'stages:',
        '  s:',
        '    cmd: run ${data.dir}',
        '    params:',
        '    - ${cfgfile}: [alpha]',
        '    outs:',
        '    - ${data.dir}/out',
        '',
      ].join('\n'),
      'settings.json': '{"alpha": 0.5}',
      'scores.json': '{"auc": 0.9}',
    });
    expect(p.inputs.map((i) => i.path)).toEqual(['raw/out']);
    expect(p.params).toEqual([
      { file: 'settings.json', key: 'alpha', value: 0.5 },
      { file: 'params.yaml', key: 'metrics_file', value: 'scores.json' },
      // A vars file's values that a stage used are params too (`params show`'s `_collect_vars`).
      { file: 'conf.yaml', key: 'data.dir', value: 'raw' },
    ]);
    expect(p.metrics).toEqual([{ file: 'scores.json', key: 'auc', value: 0.9 }]);
    expect(p.problems).toEqual([]);
  });

  it('escaped \\${ stays literal; a value that is a whole ${} keeps its type; bools print as true/false', async () => {
    const p = await project({
      'params.yaml': 'on: true\nn: 0.00001\n',
      'dvc.yaml': "stages:\n  s:\n    cmd: echo\n    outs: ['a-\\${x}', 'b-${on}-${n}']\n",
    });
    expect(p.inputs.map((i) => i.path)).toEqual(['a-${x}', 'b-true-1e-05']);
  });

  it('values stages take from vars files are params (used leaves only; a list item tracks its list)', async () => {
    const p = await project({
      'config.yaml': 'model:\n  lr: 0.1\n  layers: [64, 32]\nunused: 3\n',
      'dvc.yaml': 'vars:\n- config.yaml\nstages:\n  s:\n    cmd: train --lr ${model.lr} --first ${model.layers[0]}\n',
    });
    expect(p.params).toEqual([
      { file: 'config.yaml', key: 'model.lr', value: 0.1 },
      { file: 'config.yaml', key: 'model.layers', value: [64, 32] },
    ]);
  });

  it('vars `file:key` selects top-level keys; a missing one refuses the dvc.yaml', async () => {
    const files = { 'conf.yaml': 'a: {x: 1}\nb: 2\n', 'dvc.yaml': 'vars:\n- conf.yaml:a,c\nstages:\n  s:\n    cmd: x\n' };
    const p = await project(files);
    expect(p.problems).toEqual([{ path: 'dvc.yaml', message: "could not find 'c' in 'conf.yaml'" }]);
  });

  it('cmd may unpack a mapping as options (DVC 2.10+), other fields may not', async () => {
    const p = await project({
      'params.yaml': 'train:\n  lr: 0.1\n  fast: true\n',
      'dvc.yaml': 'stages:\n  s:\n    cmd: python train.py ${train}\n    outs: [model.pkl]\n',
    });
    expect(p.stages).toEqual(['s']);
    expect(p.problems).toEqual([]);
  });

  it('a vars key that redefines params.yaml is refused, as DVC refuses it', async () => {
    const p = await project({
      'params.yaml': 'lr: 1\n',
      'dvc.yaml': 'vars:\n- lr: 2\nstages:\n  s:\n    cmd: x\n',
    });
    expect(p.stages).toEqual([]);
    expect(p.problems).toEqual([{ path: 'dvc.yaml', message: expect.stringContaining("cannot redefine 'lr'") }]);
  });
});

describe('metrics', () => {
  it('flattens like `dvc metrics show`: scalars, strings, booleans kept; lists and nulls dropped', async () => {
    const p = await project({
      'dvc.yaml': 'metrics: [m.yaml, top.json, m.toml]\n',
      'm.yaml': 'acc: 0.9\nname: run-1\nok: true\nhist: [1, 2]\nnothing: null\nnested:\n  deep:\n    f1: 1\n',
      'top.json': '0.75',
      'm.toml': '[loss]\ntrain = 0.1\n',
    });
    expect(p.metrics).toEqual([
      { file: 'm.yaml', key: 'acc', value: 0.9 },
      { file: 'm.yaml', key: 'name', value: 'run-1' },
      { file: 'm.yaml', key: 'ok', value: true },
      { file: 'm.yaml', key: 'nested.deep.f1', value: 1 },
      { file: 'top.json', key: '', value: 0.75 },
      { file: 'm.toml', key: 'loss.train', value: 0.1 },
    ]);
  });

  it('stage metrics come before top-level ones; a file holding only 0 shows nothing (`val or {}`)', async () => {
    const p = await project({
      'dvc.yaml': 'metrics: [top.json, zero.json]\nstages:\n  s:\n    cmd: x\n    metrics:\n    - out.json:\n        cache: false\n',
      'top.json': '{"a": 0}',
      'zero.json': '0',
      'out.json': '{"b": false}',
    });
    expect(p.metrics).toEqual([
      { file: 'out.json', key: 'b', value: false },
      { file: 'top.json', key: 'a', value: 0 },
    ]);
  });

  it('JSON metrics with NaN and Infinity read as Python reads them (DVCLive writes them)', async () => {
    const p = await project({ 'dvc.yaml': 'metrics: [m.json]\n', 'm.json': '{"loss": NaN, "best": -Infinity, "note": "NaN stays text", "acc": 0.5}' });
    expect(p.metrics).toEqual([
      { file: 'm.json', key: 'loss', value: Number.NaN },
      { file: 'm.json', key: 'best', value: Number.NEGATIVE_INFINITY },
      { file: 'm.json', key: 'note', value: 'NaN stays text' },
      { file: 'm.json', key: 'acc', value: 0.5 },
    ]);
    expect(p.problems).toEqual([]);
  });

  it('a metrics folder in git stands for its files', async () => {
    const p = await project({ 'dvc.yaml': 'metrics: [results]\n', 'results/a.json': '{"x": 1}', 'results/b/c.json': '{"y": 2}' });
    expect(p.metrics).toEqual([
      { file: 'results/a.json', key: 'x', value: 1 },
      { file: 'results/b/c.json', key: 'y', value: 2 },
    ]);
  });

  it('a declared metrics file neither in git nor in a lock is a problem', async () => {
    const p = await project({ 'dvc.yaml': 'metrics: [gone.json]\n' });
    expect(p.cachedMetrics).toEqual([]);
    expect(p.problems).toEqual([{ path: 'gone.json', message: expect.stringContaining('neither in git') }]);
  });
});

describe('plots', () => {
  it('x from one file, y lists, folder ids with the closest definition, ids told apart across dvc.yaml files', async () => {
    const p = await project({
      'dvc.yaml': [
        'plots:',
        '- cmp:',
        '    x: {steps.csv: t}',
        '    y: {a.csv: [p, q]}',
        '- logs:',
        '    template: smooth',
        '- logs/special:',
        '    y: v',
        '- same:',
        '    y: {s.json: v}',
        '',
      ].join('\n'),
      'logs/one.tsv': '',
      'logs/special/two.tsv': '',
      'sub/dvc.yaml': 'plots:\n- same:\n    y: {s.json: w}\n',
    });
    expect(p.plots).toEqual([
      {
        id: 'cmp',
        kind: 'vega',
        template: 'linear',
        files: [
          { path: 'a.csv', y: 'p' },
          { path: 'steps.csv', x: 't' },
          { path: 'a.csv', y: 'q' },
        ],
        xLabel: 't',
        yLabel: 'y',
      },
      { id: 'logs/one.tsv', kind: 'vega', template: 'smooth', files: [{ path: 'logs/one.tsv', x: 'step' }], xLabel: 'step' },
      {
        id: 'logs/special/two.tsv',
        kind: 'vega',
        template: 'linear',
        files: [{ path: 'logs/special/two.tsv', x: 'step', y: 'v' }],
        xLabel: 'step',
        yLabel: 'v',
      },
      { id: 'dvc.yaml::same', kind: 'vega', template: 'linear', files: [{ path: 's.json', x: 'step', y: 'v' }], xLabel: 'step', yLabel: 'v' },
      {
        id: 'sub/dvc.yaml::same',
        kind: 'vega',
        template: 'linear',
        files: [{ path: 'sub/s.json', x: 'step', y: 'w' }],
        xLabel: 'step',
        yLabel: 'w',
      },
    ]);
  });
});

describe('transport', () => {
  it('a rejected read rejects readProject', async () => {
    const failure = new Error('network down');
    const read = async (path: string) => {
      if (path === 'params.yaml') throw failure;
      return path === 'dvc.yaml' ? 'stages: {}\n' : null;
    };
    await expect(readProject(read, ['dvc.yaml', 'params.yaml'])).rejects.toBe(failure);
  });

  it('a rejected read of a metrics file named only by dvc.yaml rejects too', async () => {
    const failure = new Error('502');
    const read = async (path: string) => {
      if (path === 'm.json') throw failure;
      return path === 'dvc.yaml' ? 'metrics: [m.json]\n' : null;
    };
    await expect(readProject(read, ['dvc.yaml'])).rejects.toBe(failure);
  });
});
