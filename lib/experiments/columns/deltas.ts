import { formatMetric, type MetricValue } from '../../dvc';
import type { ExperimentRow } from '../types';

/** Whether a bigger value of a metric is better; `neutral` colours no change. */
export type Goal = 'higher' | 'lower' | 'neutral';
export type DeltaMode = 'absolute' | 'percent';
/** Compare each row with its first parent (DVC's `metrics diff`) or with one chosen commit. */
export type Baseline = { kind: 'parent' } | { kind: 'commit'; sha: string };

/** A metric named like a loss or an error starts lower-is-better; any other starts neutral until the user says. */
export function defaultGoal(key: string): Goal {
  return /loss|error/i.test(key) ? 'lower' : 'neutral';
}

export interface Delta {
  /** As displayed: `+0.0123`, `-4.2%`, `0`. */
  text: string;
  tone: 'better' | 'worse' | 'neutral';
}

/** What a row's metric value is (git metrics first, then metrics read from the remote). */
export function metricValue(row: ExperimentRow, file: string, key: string): MetricValue | undefined {
  const find = (list: ExperimentRow['metrics'] | undefined) => list?.find((m) => m.file === file && m.key === key)?.value;
  return find(row.metrics) ?? find(row.remoteMetrics);
}

const numeric = (value: MetricValue | undefined): number | undefined =>
  typeof value === 'boolean' ? Number(value) : typeof value === 'number' ? value : undefined;

/**
 * A row's change of one metric: against its parent, DVC's own `change` (`dvc metrics diff`);
 * against a chosen commit, the same subtraction with that commit's value. Absolute deltas print
 * as `formatMetric` prints numbers, percent deltas relative to the old value (none from 0).
 * Undefined when either side has no number, or for the baseline row itself.
 */
export function metricDelta(
  row: ExperimentRow,
  baseline: Baseline,
  baselineRow: ExperimentRow | undefined,
  file: string,
  key: string,
  mode: DeltaMode,
  goal: Goal,
): Delta | undefined {
  let old: number | undefined;
  let change: number | undefined;
  if (baseline.kind === 'parent') {
    const diff = row.metricChanges.find((c) => c.file === file && c.key === key);
    old = numeric(diff?.old);
    change = diff?.change;
  } else {
    if (!baselineRow || baselineRow.sha === row.sha) return undefined;
    old = numeric(metricValue(baselineRow, file, key));
    const now = numeric(metricValue(row, file, key));
    change = old === undefined || now === undefined ? undefined : now - old;
  }
  if (change === undefined || old === undefined) return undefined;
  let text: string;
  if (mode === 'percent') {
    if (old === 0) return undefined;
    const percent = (change / Math.abs(old)) * 100;
    text = `${percent > 0 ? '+' : ''}${Number(percent.toFixed(1))}%`;
  } else {
    text = `${change > 0 ? '+' : ''}${formatMetric(change)}`;
  }
  const rounded = Number(change.toFixed(5));
  const tone = goal === 'neutral' || rounded === 0 ? 'neutral' : rounded > 0 === (goal === 'higher') ? 'better' : 'worse';
  return { text, tone };
}
