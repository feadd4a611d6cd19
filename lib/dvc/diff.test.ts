import { describe, expect, it } from 'vitest';
import { diffMetrics, diffParams, formatMetric, type Metric, type Param } from './';

// `dvc params diff` / `dvc metrics diff` (iterative/dvc dvc/utils/diff.py, dvc/compare.py):
// changed keys only unless --all, rows sorted by path then key, missing values shown as `-`,
// single-element lists compared by their element, `diff = new - old` only for two numbers,
// metrics rounded with round(v, 5).

const p = (file: string, key: string, value: Param['value']): Param => ({ file, key, value });
const m = (file: string, key: string, value: Metric['value']): Metric => ({ file, key, value });

describe('diffParams', () => {
  // Studio commit a9d6176 against its parent on example-get-started: train.n_est 50 → 100.
  const before = [p('params.yaml', 'train.seed', 20170428), p('params.yaml', 'train.n_est', 50), p('params.yaml', 'train.min_split', 0.01)];
  const after = [p('params.yaml', 'train.seed', 20170428), p('params.yaml', 'train.n_est', 100), p('params.yaml', 'train.min_split', 0.01)];

  it('lists changed params only', () => {
    expect(diffParams(before, after)).toEqual([{ file: 'params.yaml', key: 'train.n_est', old: 50, new: 100 }]);
  });

  it('lists every param with {all: true}, sorted by key', () => {
    expect(diffParams(before, after, { all: true })).toEqual([
      { file: 'params.yaml', key: 'train.min_split', old: 0.01, new: 0.01 },
      { file: 'params.yaml', key: 'train.n_est', old: 50, new: 100 },
      { file: 'params.yaml', key: 'train.seed', old: 20170428, new: 20170428 },
    ]);
  });

  it('shows added and removed params with a missing side; sorts files', () => {
    expect(diffParams([p('z.yaml', 'a', 1), p('a.json', 'gone', 'x')], [p('z.yaml', 'a', 1), p('z.yaml', 'b', true)])).toEqual([
      { file: 'a.json', key: 'gone', old: 'x', new: undefined },
      { file: 'z.yaml', key: 'b', old: undefined, new: true },
    ]);
  });

  it('compares as Python does: 1 == 1.0 and True == 1; lists by value; one-element lists by their element', () => {
    expect(diffParams([p('f', 'a', 1), p('f', 'b', true), p('f', 'l', [1, 2])], [p('f', 'a', 1.0), p('f', 'b', 1), p('f', 'l', [1, 2])])).toEqual([]);
    expect(diffParams([p('f', 'regions', ['REGION_1'])], [p('f', 'regions', ['REGION_2'])])).toEqual([
      { file: 'f', key: 'regions', old: 'REGION_1', new: 'REGION_2' },
    ]);
    expect(diffParams([p('f', 'l', [1])], [p('f', 'l', [1, 2])])).toEqual([{ file: 'f', key: 'l', old: [1], new: [1, 2] }]);
  });
});

describe('diffMetrics', () => {
  it('gives change = new - old for numbers, none otherwise', () => {
    const a = [m('eval/live/metrics.json', 'avg_prec.test', 0.9249974999612706), m('s.json', 'name', 'a'), m('s.json', 'gone', 1)];
    const b = [m('eval/live/metrics.json', 'avg_prec.test', 0.9268792615819422), m('s.json', 'name', 'b'), m('s.json', 'new', 2)];
    expect(diffMetrics(a, b)).toEqual([
      {
        file: 'eval/live/metrics.json',
        key: 'avg_prec.test',
        old: 0.9249974999612706,
        new: 0.9268792615819422,
        change: 0.9268792615819422 - 0.9249974999612706,
      },
      { file: 's.json', key: 'gone', old: 1, new: undefined },
      { file: 's.json', key: 'name', old: 'a', new: 'b' },
      { file: 's.json', key: 'new', old: undefined, new: 2 },
    ]);
  });

  // _diff_vals: `isinstance(new, (int, float)) and isinstance(old, (int, float))` holds for bools,
  // so `True - False` is 1 and `True - 0.5` is 0.5.
  it('counts booleans as numbers, as Python does', () => {
    expect(diffMetrics([m('m.json', 'ok', false), m('m.json', 'x', 0.5)], [m('m.json', 'ok', true), m('m.json', 'x', true)])).toEqual([
      { file: 'm.json', key: 'ok', old: false, new: true, change: 1 },
      { file: 'm.json', key: 'x', old: 0.5, new: true, change: 0.5 },
    ]);
  });

  it('omits unchanged metrics unless {all: true}', () => {
    const a = [m('m.json', 'acc', 0.5)];
    expect(diffMetrics(a, a)).toEqual([]);
    expect(diffMetrics(a, a, { all: true })).toEqual([{ file: 'm.json', key: 'acc', old: 0.5, new: 0.5, change: 0 }]);
  });
});

describe('formatMetric', () => {
  it.each([
    // dvc.org metrics/diff.md: 0.78912 / 0.18114 / -0.60798 columns.
    [0.789123456, '0.78912'],
    [-0.607981, '-0.60798'],
    // Python: round(-1e-06, 5) is -0.0, and str(-0.0) is '-0.0'.
    [-0.000001, '-0.0'],
    [0.9249974999612706, '0.925'],
    [0.6040544652105823, '0.60405'],
    [20170428, '20170428'],
    [0.000012, '1e-05'],
    [0.000001, '0.0'],
    [Number.NaN, 'nan'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [true, 'True'],
    ['run-1', 'run-1'],
    [undefined, '-'],
  ])('%s → %s', (value, shown) => {
    expect(formatMetric(value)).toBe(shown);
  });
});
