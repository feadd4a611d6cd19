import { describe, expect, it } from 'vitest';
import type { ExperimentRow } from '../types';
import { defaultGoal, metricDelta } from './deltas';

const row = (sha: string, value: number | undefined, change?: { old: number; change: number }): ExperimentRow => ({
  sha,
  parents: [],
  params: [],
  paramChanges: [],
  unreproduced: [],
  metrics: value === undefined ? [] : [{ file: 'm.json', key: 'loss', value }],
  metricChanges: change ? [{ file: 'm.json', key: 'loss', old: change.old, new: value, change: change.change }] : [],
  cachedMetrics: [],
  stages: [],
  problems: [],
});

describe('metric goals and deltas', () => {
  it('starts loss- and error-like names lower-is-better, others neutral', () => {
    expect(['loss', 'val_loss', 'train.error', 'Error_rate'].map(defaultGoal)).toEqual(['lower', 'lower', 'lower', 'lower']);
    expect(['acc', 'roc_auc', 'avg_prec.test'].map(defaultGoal)).toEqual(['neutral', 'neutral', 'neutral']);
  });

  it('against the parent uses dvc’s change; the goal colours it', () => {
    const r = row('a', 0.25, { old: 0.5, change: -0.25 });
    expect(metricDelta(r, { kind: 'parent' }, undefined, 'm.json', 'loss', 'absolute', 'lower')).toEqual({ text: '-0.25', tone: 'better' });
    expect(metricDelta(r, { kind: 'parent' }, undefined, 'm.json', 'loss', 'absolute', 'higher')).toEqual({ text: '-0.25', tone: 'worse' });
    expect(metricDelta(r, { kind: 'parent' }, undefined, 'm.json', 'loss', 'percent', 'neutral')).toEqual({ text: '-50%', tone: 'neutral' });
  });

  it('against a chosen commit subtracts that commit’s value; none for the baseline itself or from zero in percent', () => {
    const base = row('b', 0.2);
    expect(metricDelta(row('a', 0.3), { kind: 'commit', sha: 'b' }, base, 'm.json', 'loss', 'absolute', 'lower')).toEqual({ text: '+0.1', tone: 'worse' });
    expect(metricDelta(base, { kind: 'commit', sha: 'b' }, base, 'm.json', 'loss', 'absolute', 'lower')).toBeUndefined();
    expect(metricDelta(row('a', 1), { kind: 'commit', sha: 'b' }, row('b', 0), 'm.json', 'loss', 'percent', 'lower')).toBeUndefined();
    expect(metricDelta(row('a', 1), { kind: 'commit', sha: 'b' }, row('b', undefined), 'm.json', 'loss', 'absolute', 'lower')).toBeUndefined();
  });
});
