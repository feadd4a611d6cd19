import { randomInt } from 'node:crypto';
import { fitForest, predict, type Dataset, type Forest, type ForestParams } from './forest';
import { RandomState } from './random-state';

/**
 * The sample project's two DVC stages (`src/train.py`, `src/evaluate.py` in sample/) done in
 * TypeScript, since the fake has no Python: read the CSV as pandas would, hold out the rows
 * `train_test_split(test_size=0.3, random_state=0)` holds out, fit the forest on the rest with
 * the committed `train.*` params, and score it on the held-out rows.
 */

/** A stage that cannot finish: the message is what the Python step would print before exiting 1. */
export class StageError extends Error {
  override name = 'StageError';
}

/** The CSV with a header; `species` is the label, every other column a numeric feature. */
export function readDataset(bytes: Uint8Array): Dataset {
  const lines = Buffer.from(bytes).toString('utf8').split(/\r?\n/).filter(Boolean);
  const header = (lines.shift() ?? '').split(',');
  const label = header.indexOf('species');
  if (label < 0) throw new StageError("KeyError: 'species'");
  const rows = lines.map((line) => line.split(','));
  // pandas/scikit-learn order classes as numpy.unique does: sorted.
  const classes = [...new Set(rows.map((r) => r[label]!))].sort();
  const x = rows.map((r, i) =>
    r
      .filter((_, c) => c !== label)
      .map((v) => {
        const n = Number(v);
        if (v === '' || Number.isNaN(n)) throw new StageError(`ValueError: could not convert string to float: '${v}' (row ${i + 2})`);
        return n;
      }),
  );
  return { features: header.filter((_, c) => c !== label), classes, x, y: rows.map((r) => classes.indexOf(r[label]!)) };
}

/** `train_test_split(data, test_size=0.3, random_state=0)`: row indices of each side. */
export function holdOut(n: number): { train: number[]; test: number[] } {
  const nTest = Math.ceil(0.3 * n);
  const permutation = new RandomState(0).permutation(n);
  return { test: permutation.slice(0, nTest), train: permutation.slice(nTest) };
}

function subset(data: Dataset, rows: number[]): Dataset {
  return { ...data, x: rows.map((r) => data.x[r]!), y: rows.map((r) => data.y[r]!) };
}

/** Python's repr of a YAML value, as scikit-learn quotes it in "Got … instead." */
function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * `RandomForestClassifier(n_estimators=…, max_depth=…, random_state=…)` from params.yaml's
 * `train` group, refused as scikit-learn 1.6's parameter validation refuses it.
 */
export function forestParams(train: unknown): ForestParams {
  if (typeof train !== 'object' || train === null) throw new StageError("KeyError: 'train'");
  const params = train as Record<string, unknown>;
  for (const key of ['n_est', 'max_depth', 'seed']) if (!(key in params)) throw new StageError(`KeyError: '${key}'`);
  const invalid = (name: string, rule: string, got: unknown) =>
    new StageError(`InvalidParameterError: The '${name}' parameter of RandomForestClassifier must be ${rule}. Got ${pyRepr(got)} instead.`);
  const { n_est: nEst, max_depth: maxDepth, seed } = params;
  if (!isInt(nEst) || nEst < 1) throw invalid('n_estimators', 'an int in the range [1, inf)', nEst);
  if (maxDepth !== null && (!isInt(maxDepth) || maxDepth < 1)) throw invalid('max_depth', 'an int in the range [1, inf) or None', maxDepth);
  if (seed !== null && (!isInt(seed) || seed < 0 || seed > 0xffffffff)) {
    throw invalid('random_state', "an int in the range [0, 4294967295], an instance of 'numpy.random.mtrand.RandomState' or None", seed);
  }
  // random_state=None: a fresh seed per fit, as scikit-learn draws from numpy's global state.
  return { nEstimators: nEst, maxDepth, seed: seed ?? randomInt(0, 2 ** 32 - 1) };
}

/** The `train` stage: the model file it writes (the forest as JSON, standing in for the pickle). */
export function trainStage(data: Uint8Array, train: unknown): Uint8Array {
  const params = forestParams(train);
  const dataset = readDataset(data);
  const forest = fitForest(subset(dataset, holdOut(dataset.y.length).train), params);
  return Buffer.from(JSON.stringify(forest));
}

export interface Metrics {
  accuracy: number;
  f1: number;
}

/** Accuracy and macro F1 (scikit-learn's `f1_score(average="macro")`, 0 for a class never predicted nor present). */
export function score(truth: number[], predicted: number[], classCount: number): Metrics {
  const f1s: number[] = [];
  for (let c = 0; c < classCount; c++) {
    const tp = truth.filter((t, i) => t === c && predicted[i] === c).length;
    const inTruth = truth.filter((t) => t === c).length;
    const inPredicted = predicted.filter((p) => p === c).length;
    if (inTruth === 0 && inPredicted === 0) continue;
    f1s.push(inTruth + inPredicted === 0 ? 0 : (2 * tp) / (inTruth + inPredicted));
  }
  const accuracy = truth.filter((t, i) => t === predicted[i]).length / truth.length;
  return { accuracy, f1: f1s.reduce((a, b) => a + b, 0) / f1s.length };
}

/** A float as Python's `json.dump` writes it (`repr`): integral values keep `.0`. */
function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** The `evaluate` stage: metrics.json exactly as `json.dump(…, indent=2)` writes it (no final newline). */
export function evaluateStage(model: Uint8Array, data: Uint8Array): { metrics: Metrics; file: Uint8Array } {
  const forest = JSON.parse(Buffer.from(model).toString('utf8')) as Forest;
  const dataset = readDataset(data);
  const test = holdOut(dataset.y.length).test;
  const truth = test.map((r) => dataset.y[r]!);
  const predicted = test.map((r) => predict(forest, dataset.x[r]!));
  const raw = score(truth, predicted, dataset.classes.length);
  const metrics = { accuracy: Number(raw.accuracy.toFixed(4)), f1: Number(raw.f1.toFixed(4)) };
  const file = `{\n  "accuracy": ${pyFloat(metrics.accuracy)},\n  "f1": ${pyFloat(metrics.f1)}\n}`;
  return { metrics, file: Buffer.from(file) };
}
