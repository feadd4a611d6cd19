import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitForest, predict } from './forest';
import { RandomState } from './random-state';
import { evaluateStage, forestParams, holdOut, readDataset, StageError, trainStage } from './sample-stages';

const IRIS = readFileSync(new URL('./iris.csv', import.meta.url));
const train = (params: Record<string, unknown>) => trainStage(IRIS, params);
const metricsOf = (params: Record<string, unknown>) => evaluateStage(train(params), IRIS).metrics;

describe('RandomState (numpy legacy MT19937)', () => {
  it('is MT19937: the 10000th output for the default seed 5489 is the C++ standard’s 4123659995', () => {
    const random = new RandomState(5489);
    let value = 0;
    for (let i = 0; i < 10000; i++) value = random.uint32();
    expect(value).toBe(4123659995);
  });

  it('permutes as numpy does: RandomState(0).permutation(10) is [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]', () => {
    expect(new RandomState(0).permutation(10)).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
  });
});

describe('the bundled iris data and the hold-out', () => {
  it('is Fisher’s 150 rows: 50 per species, R’s column sums', () => {
    const data = readDataset(IRIS);
    expect(data.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(data.classes.map((_, c) => data.y.filter((y) => y === c).length)).toEqual([50, 50, 50]);
    const sums = data.features.map((_, f) => Number(data.x.reduce((s, row) => s + row[f]!, 0).toFixed(1)));
    // summary(iris) in R: means 5.843, 3.057, 3.758, 1.199 → sums 876.5, 458.6, 563.7, 179.9.
    expect(sums).toEqual([876.5, 458.6, 563.7, 179.9]);
  });

  it('holds out 45 rows (ceil of 30 %), disjoint from the 105 it trains on', () => {
    const { train: rows, test } = holdOut(150);
    expect(test).toHaveLength(45);
    expect(rows).toHaveLength(105);
    expect(new Set([...rows, ...test]).size).toBe(150);
  });
});

describe('the forest is a real model', () => {
  it('scores far above chance (1/3) on the held-out rows with sane params', () => {
    const { accuracy, f1 } = metricsOf({ seed: 42, n_est: 50, max_depth: 3 });
    expect(accuracy).toBeGreaterThan(0.9);
    expect(f1).toBeGreaterThan(0.9);
  });

  it('cannot beat two classes out of three with one split per tree (a stump separates one species)', () => {
    const data = readDataset(IRIS);
    const forest = fitForest(data, { nEstimators: 1, maxDepth: 1, seed: 3 });
    const predicted = new Set(data.x.map((row) => predict(forest, row)));
    expect(predicted.size).toBeLessThanOrEqual(2);
    // So at best every held-out row of the two commonest species is right.
    const { test } = holdOut(150);
    const perClass = data.classes.map((_, c) => test.filter((r) => data.y[r] === c).length).sort((a, b) => b - a);
    const best = Number(((perClass[0]! + perClass[1]!) / test.length).toFixed(4));
    expect(best).toBeLessThan(0.8);
    expect(metricsOf({ seed: 3, n_est: 1, max_depth: 1 }).accuracy).toBeLessThanOrEqual(best);
  });

  it('reproduces a fit exactly for a fixed seed, and another seed grows other trees', () => {
    const params = { seed: 7, n_est: 5, max_depth: 2 };
    expect(Buffer.from(train(params)).equals(Buffer.from(train(params)))).toBe(true);
    expect(Buffer.from(train({ ...params, seed: 8 })).equals(Buffer.from(train(params)))).toBe(false);
  });

  it('gives different metrics for different params', () => {
    expect(metricsOf({ seed: 42, n_est: 1, max_depth: 1 })).not.toEqual(metricsOf({ seed: 42, n_est: 50, max_depth: 3 }));
  });

  it('writes metrics.json as Python’s json.dump(indent=2) does', () => {
    const { metrics, file } = evaluateStage(train({ seed: 42, n_est: 10, max_depth: 3 }), IRIS);
    expect(Buffer.from(file).toString()).toBe(`{\n  "accuracy": ${metrics.accuracy},\n  "f1": ${metrics.f1}\n}`);
    expect(Number.isInteger(metrics.accuracy * 45) || Math.abs(metrics.accuracy * 45 - Math.round(metrics.accuracy * 45)) < 0.01).toBe(true);
  });

  it('refuses what scikit-learn refuses, in its words', () => {
    const refused = (params: Record<string, unknown>) => () => forestParams(params);
    expect(refused({ seed: 42, n_est: 0, max_depth: 3 })).toThrow(
      new StageError("InvalidParameterError: The 'n_estimators' parameter of RandomForestClassifier must be an int in the range [1, inf). Got 0 instead."),
    );
    expect(refused({ seed: 42, n_est: 10, max_depth: -1 })).toThrow(/'max_depth' parameter .* Got -1 instead/);
    expect(refused({ seed: 42, n_est: 2.5, max_depth: 3 })).toThrow(/Got 2.5 instead/);
    expect(refused({ seed: -1, n_est: 10, max_depth: 3 })).toThrow(/'random_state' parameter/);
    expect(refused({ seed: 42, max_depth: 3 })).toThrow("KeyError: 'n_est'");
    expect(forestParams({ seed: 42, n_est: 10, max_depth: null })).toEqual({ nEstimators: 10, maxDepth: null, seed: 42 });
  });
});
