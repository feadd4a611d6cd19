import { describe, expect, it } from 'vitest';
import { readProject, type Input, type VegaPlot } from '..';
import { commit } from '../testing/fixture-repo';

// Expectations written from the fixture bytes (iterative/example-get-started) and DVC's rules:
// params = stage params + root params.yaml whole; `locked` from dvc.lock; `.dvc` outputs visible,
// stage outputs hidden; hash generation 3 when `hash: md5`, 2 when an md5 has no `hash`.

const G = 'iterative__example-get-started';

function params(values: [string, unknown, unknown][]) {
  return values.map(([key, value, locked]) => ({ file: 'params.yaml', key, value, locked }));
}

function hidden(path: string, md5: string, size: number, hashGeneration: '2' | '3', nfiles?: number): Input {
  return { path, hidden: true, dvcFile: 'dvc.lock', md5, size, hashGeneration, ...(nfiles ? { nfiles } : {}) };
}

function xy(id: string, template: string, x: string, y: string, files: string[]): VegaPlot {
  return { id, kind: 'vega', template, files: files.map((path) => ({ path, x, y })), xLabel: x, yLabel: y };
}

describe('example-get-started main 06ea489 (DVC 3.x, metrics inside the cached eval/)', () => {
  it('reads params, inputs, cached metrics, plots and stages', async () => {
    const repo = commit(`${G}/main-06ea489`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual(
      params([
        ['prepare.split', 0.2, 0.2],
        ['prepare.seed', 20170428, 20170428],
        ['featurize.max_features', 200, 200],
        ['featurize.ngrams', 2, 2],
        ['train.seed', 20170428, 20170428],
        ['train.n_est', 50, 50],
        ['train.min_split', 0.01, 0.01],
      ]),
    );
    expect(project.inputs).toEqual([
      {
        path: 'data/data.xml',
        hidden: false,
        dvcFile: 'data/data.xml.dvc',
        md5: '22a1a2931c8370d3aeedd7183606fd7f',
        size: 14445097,
        hashGeneration: '3',
      },
      hidden('data/prepared', '153aad06d376b6595932470e459ef42a.dir', 8437363, '3', 2),
      hidden('data/features', 'f35d4cc2c552ac959ae602162b8543f3.dir', 2232588, '3', 2),
      hidden('model.pkl', 'd1f6e055f7f5e2827fcfae68d9b64d4c', 1958115, '3'),
      hidden('eval', '80a081570c800c60b9b98ca4b3c91dd7.dir', 1292342, '3', 8),
    ]);
    expect(project.metrics).toEqual([]);
    expect(project.cachedMetrics).toEqual([{ file: 'eval/metrics.json', dir: { path: 'eval', md5: '80a081570c800c60b9b98ca4b3c91dd7.dir' } }]);
    expect(project.plots).toEqual([
      xy('ROC', 'simple', 'fpr', 'tpr', ['eval/plots/sklearn/roc/train.json', 'eval/plots/sklearn/roc/test.json']),
      xy('Confusion-Matrix', 'confusion', 'actual', 'predicted', ['eval/plots/sklearn/cm/train.json', 'eval/plots/sklearn/cm/test.json']),
      xy('Precision-Recall', 'simple', 'recall', 'precision', ['eval/plots/sklearn/prc/train.json', 'eval/plots/sklearn/prc/test.json']),
      { id: 'eval/plots/images/importance.png', kind: 'image', files: [{ path: 'eval/plots/images/importance.png' }] },
    ]);
    expect(project.stages).toEqual(['prepare', 'featurize', 'train', 'evaluate']);
    expect(project.problems).toEqual([]);
  });
});

describe('example-get-started baseline 0d46eb4', () => {
  it('locks the baseline featurize params and its own eval directory', async () => {
    const repo = commit(`${G}/baseline-0d46eb4`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params.filter((p) => p.key.startsWith('featurize.'))).toEqual(
      params([
        ['featurize.max_features', 100, 100],
        ['featurize.ngrams', 1, 1],
      ]),
    );
    expect(project.cachedMetrics).toEqual([{ file: 'eval/metrics.json', dir: { path: 'eval', md5: '756f8cb38f1864fefc00d6873da19d03.dir' } }]);
    expect(project.inputs.find((i) => i.path === 'model.pkl')).toEqual(hidden('model.pkl', 'cfa72ff6e2575c44f78f423cada5b783', 1855075, '3'));
  });
});

describe('example-get-started tune-hyperparams bea12fe (params + lock over main)', () => {
  it('takes the new train params and their lock', async () => {
    const repo = commit(`${G}/main-06ea489`, `${G}/random-forest-bea12fe`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params.filter((p) => p.key.startsWith('train.'))).toEqual(
      params([
        ['train.seed', 20170428, 20170428],
        ['train.n_est', 100, 100],
        ['train.min_split', 8, 8],
      ]),
    );
    expect(project.inputs.find((i) => i.path === 'model.pkl')).toEqual(hidden('model.pkl', '63cd44fd46b7f76875dc9556a2000cb5', 10322743, '3'));
    expect(project.cachedMetrics).toEqual([{ file: 'eval/metrics.json', dir: { path: 'eval', md5: 'ea452ca56ec7558c9387cfd5162514e7.dir' } }]);
    expect(project.problems).toEqual([]);
  });
});

describe('example-get-started Studio commit a9d6176 (PR 46, DVC 2.x lock, not reproduced)', () => {
  it('shows n_est 100 with the lock still at 50, 2.x hashes and git-tracked metrics', async () => {
    const repo = commit(`${G}/studio-commit-pr46-a9d6176`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual(
      params([
        ['prepare.split', 0.2, 0.2],
        ['prepare.seed', 20170428, 20170428],
        ['featurize.max_features', 200, 200],
        ['featurize.ngrams', 2, 2],
        ['train.seed', 20170428, 20170428],
        ['train.n_est', 100, 50],
        ['train.min_split', 0.01, 0.01],
      ]),
    );
    expect(project.inputs).toEqual([
      {
        path: 'data/data.xml',
        hidden: false,
        dvcFile: 'data/data.xml.dvc',
        md5: '22a1a2931c8370d3aeedd7183606fd7f',
        size: 14445097,
        hashGeneration: '2',
      },
      hidden('data/prepared', '153aad06d376b6595932470e459ef42a.dir', 8437363, '2', 2),
      hidden('data/features', 'f35d4cc2c552ac959ae602162b8543f3.dir', 2232588, '2', 2),
      hidden('model.pkl', '9547963acb6787d53fc3e5dc6a14a34e', 1763779, '2'),
      hidden('eval/importance.png', '4c15497f97f46a7dc16c37dc9f78b266', 34065, '2'),
      hidden('eval/live/plots', 'dfebe229beecacbcb381a4b0e76dfdac.dir', 747258, '2', 4),
      hidden('eval/prc', '328edf8b5f33766d32469580d665608b.dir', 297858, '2', 2),
      hidden('eval/live/metrics.json', '97147dd5cb0e159c34152950b0bf1309', 195, '2'),
    ]);
    expect(project.metrics).toEqual([
      { file: 'eval/live/metrics.json', key: 'avg_prec.train', value: 0.9743681430252835 },
      { file: 'eval/live/metrics.json', key: 'avg_prec.test', value: 0.9249974999612706 },
      { file: 'eval/live/metrics.json', key: 'roc_auc.train', value: 0.9866678562450621 },
      { file: 'eval/live/metrics.json', key: 'roc_auc.test', value: 0.9460213440787918 },
    ]);
    expect(project.cachedMetrics).toEqual([]);
    expect(project.plots.map((p) => [p.id, p.kind, p.kind === 'vega' ? p.template : null, p.files.map((f) => f.path)])).toEqual([
      ['ROC', 'vega', 'simple', ['eval/live/plots/sklearn/roc/train.json', 'eval/live/plots/sklearn/roc/test.json']],
      ['Confusion-Matrix', 'vega', 'confusion', ['eval/live/plots/sklearn/cm/train.json', 'eval/live/plots/sklearn/cm/test.json']],
      ['Precision-Recall', 'vega', 'simple', ['eval/prc/train.json', 'eval/prc/test.json']],
      ['eval/importance.png', 'image', null, ['eval/importance.png']],
    ]);
    expect(project.problems).toEqual([]);
  });
});

describe('example-get-started 2021 layout 82cb5d1 (PR 16: stage-level metrics and plots)', () => {
  it('reads stage metrics/plots outputs, a flat scores.json and a lock behind params.yaml', async () => {
    const repo = commit(`${G}/legacy-2021-pr16-82cb5d1`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual(
      params([
        ['prepare.split', 0.2, 0.2],
        ['prepare.seed', 20170428, 20170428],
        ['featurize.max_features', 4000, 3000],
        ['featurize.ngrams', 2, 2],
        ['train.seed', 20170428, 20170428],
        ['train.n_est', 100, 100],
        ['train.min_split', 64, 64],
      ]),
    );
    expect(project.inputs).toEqual([
      {
        path: 'data/data.xml',
        hidden: false,
        dvcFile: 'data/data.xml.dvc',
        md5: 'a304afb96060aad90176268345e10355',
        size: 37891850,
        hashGeneration: '2',
      },
      hidden('data/prepared', '20b786b6e6f80e2b3fcf17827ad18597.dir', 23861319, '2', 2),
      hidden('data/features', '52c1fddf9b7b11dff75bffbeff7958d3.dir', 12730163, '2', 2),
      hidden('model.pkl', '484fab565aec49c5f704a3783235d237', 2206748, '2'),
      hidden('scores.json', '8f7ae54edbbe9a222b693bce8985cb80', 73, '2'),
      hidden('prc.json', '2acb90f3ea12e111a21683cf7dd2518a', 135186, '2'),
      hidden('roc.json', '44a785a4f66a37100f99ffbbf8d15de9', 55101, '2'),
    ]);
    expect(project.metrics).toEqual([
      { file: 'scores.json', key: 'avg_prec', value: 0.6040544652105823 },
      { file: 'scores.json', key: 'roc_auc', value: 0.9608017142900953 },
    ]);
    expect(project.cachedMetrics).toEqual([]);
    // Stage-level plots: the output path is the id; `cache` is not a display property.
    expect(project.plots).toEqual([xy('prc.json', 'linear', 'recall', 'precision', ['prc.json']), xy('roc.json', 'linear', 'fpr', 'tpr', ['roc.json'])]);
    expect(project.problems).toEqual([]);
  });

  it('never reads inside .dvc/ (plot templates, config) and reads each file once', async () => {
    const repo = commit(`${G}/legacy-2021-pr16-82cb5d1`);
    await readProject(repo.read, repo.paths);
    expect(repo.reads.filter((p) => p.startsWith('.dvc/'))).toEqual([]);
    expect(repo.reads.length).toBe(new Set(repo.reads).size);
    // What DVC reads: the pipeline, its lock, the .dvc file, params and the git-tracked metrics.
    expect([...repo.reads].sort()).toEqual(['data/data.xml.dvc', 'dvc.lock', 'dvc.yaml', 'params.yaml', 'scores.json']);
  });
});
