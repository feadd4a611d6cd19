import type { ExperimentRow } from '../types';

/** A row with nothing read at its commit, plus what a test gives it: the shape tests build views and replies from. */
export function experimentRow(sha: string, extra: Partial<ExperimentRow> = {}): ExperimentRow {
  return {
    sha,
    parents: [],
    params: [],
    paramChanges: [],
    unreproduced: [],
    metrics: [],
    metricChanges: [],
    cachedMetrics: [],
    stages: [],
    problems: [],
    ...extra,
  };
}
