import { describe, expect, it } from 'vitest';
import { readProject, type Input, type Param } from '..';
import { commit } from '../testing/fixture-repo';

// Expectations written from the fixture bytes and DVC's documented rules (see the fixtures README).

const X = 'iterative__example-get-started-experiments';

function locked(file: string, rows: [string, unknown][]): Param[] {
  return rows.map(([key, value]) => ({ file, key, value, locked: value }) as Param);
}

function hidden(path: string, md5: string, size: number, hashGeneration: '2' | '3', nfiles?: number, dvcFile = 'dvc.lock'): Input {
  return { path, hidden: true, dvcFile, md5, size, hashGeneration, ...(nfiles ? { nfiles } : {}) };
}

const stepPlot = (id: string) => ({ id, kind: 'vega', template: 'linear', files: [{ path: id, x: 'step' }], xLabel: 'step' });

describe('example-get-started-experiments main afdf89b (group params, DVCLive outputs cached)', () => {
  it('reads group params as leaves with their locked sub-trees', async () => {
    const repo = commit(`${X}/main-afdf89b`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual(
      locked('params.yaml', [
        ['base.random_seed', 42],
        ['data_split.test_regions', ['REGION_1']],
        ['train.valid_pct', 0.1],
        ['train.arch', 'shufflenet_v2_x2_0'],
        ['train.img_size', 256],
        ['train.batch_size', 8],
        ['train.fine_tune_args.epochs', 8],
        ['train.fine_tune_args.base_lr', 0.01],
        ['evaluate.n_samples_to_save', 10],
      ]),
    );
    expect(project.inputs).toEqual([
      hidden('data/test_data', '1bb16eb1219b47a8bf711ade27c476e4.dir', 2087761, '3', 24),
      hidden('data/train_data', 'a28a7e4d342c27c1d7ad3c17ec1dfa7a.dir', 16905965, '3', 158),
      hidden('models/model.pkl', '63cb30df484bfa1d6ea2cdebac74876c', 201725, '3'),
      hidden('models/model.pth', '07b113fe1ab01de2d8a5453dccacdd3e', 165147, '3'),
      hidden('results/train', 'a26429ff680d9b01c7e92043821bf41c.dir', 955, '3', 5),
      hidden('results/evaluate', '34985c391291e22ac0cfdf6e83ec7268.dir', 1257936, '3', 11),
      hidden('model.tar.gz', 'c615b812da343d71fcda080597a24525', 145778, '3'),
    ]);
    expect(project.metrics).toEqual([]);
    expect(project.cachedMetrics).toEqual([
      { file: 'results/train/metrics.json', dir: { path: 'results/train', md5: 'a26429ff680d9b01c7e92043821bf41c.dir' } },
      { file: 'results/evaluate/metrics.json', dir: { path: 'results/evaluate', md5: '34985c391291e22ac0cfdf6e83ec7268.dir' } },
    ]);
    // The plot folders are inside cached outputs, so git cannot list them: each stays one plot.
    expect(project.plots).toEqual([stepPlot('results/train/plots/metrics'), stepPlot('results/evaluate/plots/images')]);
    expect(project.stages).toEqual(['data_split', 'train', 'evaluate', 'sagemaker']);
    // The top-level `params: [results/train/params.yaml]` names a file DVC caches, not in git.
    expect(project.problems).toEqual([
      {
        path: 'results/train/params.yaml',
        message: "params file not in git: DVC tracks it inside 'results/train' (needed by dvc.yaml)",
      },
    ]);
  });
});

describe('example-get-started-experiments bce16d4 (after CI: three dvc.yaml, git-tracked DVCLive results)', () => {
  it('collects params, metrics and plots from every dvc.yaml', async () => {
    const repo = commit(`${X}/studio-run-after-cml-pr-bce16d4`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual([
      ...locked('params.yaml', [
        ['base.random_seed', 42],
        ['data_split.test_pct', 0.15],
        ['train.valid_pct', 0.1],
        ['train.arch', 'shufflenet_v2_x2_0'],
        ['train.img_size', 384],
        ['train.batch_size', 8],
        ['train.fine_tune_args.epochs', 8],
        ['train.fine_tune_args.base_lr', 0.01],
        ['evaluate.n_samples_to_save', 10],
      ]),
      // DVCLive's own params file, a top-level `params:` of results/train/dvc.yaml: no stage locks it.
      { file: 'results/train/params.yaml', key: 'model', value: 'DynamicUnet' },
      { file: 'results/train/params.yaml', key: 'batch_size', value: 8 },
      { file: 'results/train/params.yaml', key: 'batch_per_epoch', value: 8 },
      { file: 'results/train/params.yaml', key: 'frozen', value: false },
      { file: 'results/train/params.yaml', key: 'frozen_idx', value: 0 },
      { file: 'results/train/params.yaml', key: 'transforms', value: '[Pipeline: PILBase.create, Pipeline: partial -> PILBase.create]' },
    ]);
    expect(project.inputs).toEqual([
      hidden('data/test_data', '1f0a1e034255ad40c65cf4858ed404cd.dir', 3462943, '2', 34),
      hidden('data/train_data', 'a14914527fa6a82f91911013614d4068.dir', 15530783, '2', 148),
      hidden('models/model.pkl', 'f2291b3a5b5c7f2b9f04f28c1c11c53f', 201335, '2'),
    ]);
    expect(project.metrics).toEqual([
      { file: 'results/evaluate/metrics.json', key: 'dice_multi', value: 0.8703049483483394 },
      { file: 'results/train/metrics.json', key: 'train.loss', value: 0.031179606914520264 },
      { file: 'results/train/metrics.json', key: 'eval.loss', value: 0.022022247314453125 },
      { file: 'results/train/metrics.json', key: 'dice_multi', value: 0.8985112602955903 },
      { file: 'results/train/metrics.json', key: 'step', value: 8 },
    ]);
    expect(project.cachedMetrics).toEqual([]);
    // A plot folder in git stands for each file in it, each its own plot with the folder's props.
    expect(project.plots).toEqual([
      stepPlot('results/evaluate/plots/images'),
      stepPlot('results/train/plots/metrics/dice_multi.tsv'),
      stepPlot('results/train/plots/metrics/eval/loss.tsv'),
      stepPlot('results/train/plots/metrics/train/loss.tsv'),
    ]);
    expect(project.stages).toEqual(['data_split', 'train', 'evaluate']);
    expect(project.problems).toEqual([]);
  });

  it('Studio commit 5f02cf9 (its child bce16d4 changed no dvc.yaml): img_size 384, lock still 256', async () => {
    const repo = commit(`${X}/studio-run-after-cml-pr-bce16d4`, `${X}/studio-commit-5f02cf9`);
    const project = await readProject(repo.read, repo.paths);
    expect(project.params.find((p) => p.key === 'train.img_size')).toEqual({ file: 'params.yaml', key: 'train.img_size', value: 384, locked: 256 });
    expect(project.inputs.find((i) => i.path === 'models/model.pkl')).toEqual(hidden('models/model.pkl', 'cf0c77f4d1a1b222e39f83908959449a', 201335, '2'));
    expect(project.metrics).toEqual([
      { file: 'results/evaluate/metrics.json', key: 'dice_multi', value: 0.8667462817565745 },
      { file: 'results/train/metrics.json', key: 'train.loss', value: 0.03061583824455738 },
      { file: 'results/train/metrics.json', key: 'eval.loss', value: 0.021420806646347046 },
      { file: 'results/train/metrics.json', key: 'dice_multi', value: 0.8728481883947294 },
      { file: 'results/train/metrics.json', key: 'step', value: 8 },
    ]);
  });
});

describe('Deltares delta-data-control 6a17b42 (TOML params, cached metrics)', () => {
  it('reads the listed TOML tables and leaves, locked nested or dotted', async () => {
    const repo = commit('Deltares-research__delta-data-control/head-6a17b42');
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual(
      locked('params.toml', [
        ['data.url', 'https://www.ncei.noaa.gov/access/services/data/v1'],
        ['data.dataset', 'daily-summaries'],
        ['data.stations', ['USW00094728', 'USW00023174', 'USW00013874', 'USW00012960', 'USW00003017']],
        ['data.start_date', '2023-01-01'],
        ['data.end_date', '2023-12-31'],
        ['data.dataTypes', ['TMAX', 'TMIN']],
        ['clustering.n_clusters', 3],
        ['clustering.random_state', 42],
        ['clustering.max_iter', 300],
        ['clustering.n_init', 12],
        ['output.input_data', 'data/input.txt'],
        ['output.metrics_file', 'data/metrics.json'],
        ['output.visualization', 'data/image.png'],
        ['visualization.figure_width', 12],
        ['visualization.figure_height', 8],
        ['visualization.dpi', 300],
        ['visualization.colormap', 'viridis'],
      ]),
    );
    expect(project.inputs).toEqual([
      hidden('data/input.txt', 'bde726256222e943d067a6f74b13451e', 1072, '3'),
      hidden('data/metrics.json', '5972874377aebc4fa54b0796c66e2061', 6302, '3'),
      hidden('data/image.png', '9394d2f551bbeed09ed0bf8d9f9dc21e', 385951, '3'),
    ]);
    expect(project.metrics).toEqual([]);
    expect(project.cachedMetrics).toEqual([{ file: 'data/metrics.json', md5: '5972874377aebc4fa54b0796c66e2061' }]);
    expect(project.plots).toEqual([]);
    expect(project.stages).toEqual(['collect_data', 'process_data', 'visualize_results']);
    expect(project.problems).toEqual([]);
  });
});

describe('vscode-dvc-demo f62608c (whole-file params, mixed 2.x/3.x lock, rich plots)', () => {
  it('reads everything', async () => {
    const repo = commit('iterative__vscode-dvc-demo/head-f62608c');
    const project = await readProject(repo.read, repo.paths);
    expect(project.params).toEqual(
      locked('params.yaml', [
        ['lr', 0.003],
        ['weight_decay', 0],
        ['epochs', 15],
      ]),
    );
    expect(project.inputs).toEqual([
      {
        path: 'data',
        hidden: false,
        dvcFile: 'data.dvc',
        md5: 'ab3353d41bd7a24a20a31f29b64e3b3c.dir',
        size: 66544770,
        nfiles: 8,
        hashGeneration: '2',
      },
      hidden('model.pt', '8dc58a5171dbd7c66e2a5b5ac5fb4095', 439367, '3'),
      hidden('training/plots', '40895fff803c7b25830fbc1dfd52ba4b.dir', 1069666, '3', 20),
      hidden('hist.csv', 'e5caf6a079cb54536c5bbf9fb9bd2d6f', 77, '2'),
      hidden('training/metrics.json', '906f0ea064087ba4db3e201edf1d09c4', 178, '3'),
    ]);
    expect(project.metrics).toEqual([
      { file: 'training/metrics.json', key: 'train.loss', value: 0.9731049537658691 },
      { file: 'training/metrics.json', key: 'train.acc', value: 0.7694 },
      { file: 'training/metrics.json', key: 'test.loss', value: 0.9596208930015564 },
      { file: 'training/metrics.json', key: 'test.acc', value: 0.7735 },
      { file: 'training/metrics.json', key: 'step', value: 14 },
    ]);
    expect(project.cachedMetrics).toEqual([]);
    const tsv = (split: string, name: string) => ({ path: `training/plots/metrics/${split}/${name}.tsv`, x: 'step', y: name });
    expect(project.plots).toEqual([
      { id: 'Accuracy', kind: 'vega', template: 'linear', files: [tsv('train', 'acc'), tsv('test', 'acc')], xLabel: 'step', yLabel: 'accuracy' },
      { id: 'Loss', kind: 'vega', template: 'linear', files: [tsv('train', 'loss'), tsv('test', 'loss')], xLabel: 'step', yLabel: 'loss' },
      {
        id: 'Confusion matrix',
        kind: 'vega',
        template: 'confusion',
        files: [{ path: 'training/plots/sklearn/confusion_matrix.json', x: 'actual', y: 'predicted' }],
        xLabel: 'actual',
        yLabel: 'predicted',
      },
      {
        id: 'hist.csv',
        kind: 'vega',
        template: 'bar_horizontal',
        title: 'Histogram of Predictions',
        files: [{ path: 'hist.csv', x: 'preds', y: 'digit' }],
        xLabel: 'preds',
        yLabel: 'digit',
      },
      {
        id: 'probs.json',
        kind: 'vega',
        template: 'scatter',
        title: 'Predicted Probabilities',
        files: [{ path: 'probs.json', x: 'actual', y: 'prob' }],
        xLabel: 'actual',
        yLabel: 'prob',
      },
      stepPlot('training/plots/images'),
    ]);
    expect(project.stages).toEqual(['train']);
    expect(project.problems).toEqual([]);
  });
});
