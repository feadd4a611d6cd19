import type { HashGeneration } from './md5';

export type { HashGeneration };
/** A value as a params/metrics/dvc.yaml parser yields it (JSON-shaped). */
export type DataValue = string | number | boolean | null | DataValue[] | { [key: string]: DataValue };
export type DataObject = { [key: string]: DataValue };

/** Gives a file's content at the commit, `null` when absent. A rejection is a transport failure. */
export type ReadFile = (path: string) => Promise<string | Uint8Array | null>;

export interface Problem {
  path: string;
  message: string;
}

export interface Param {
  file: string;
  key: string;
  value: DataValue;
  /** The value the `dvc.lock` records for this leaf, present only when a lock records one. */
  locked?: DataValue;
}

export interface Input {
  path: string;
  /** Outputs of pipeline stages are hidden; outputs of `.dvc` files (data sources) are not. */
  hidden: boolean;
  /** The `.dvc` file, or the `dvc.lock` beside the stage's `dvc.yaml`. */
  dvcFile: string;
  md5?: string;
  size?: number;
  nfiles?: number;
  hashGeneration: HashGeneration;
}

export type MetricValue = number | string | boolean;

export interface Metric {
  file: string;
  key: string;
  value: MetricValue;
}

export interface CachedMetric {
  file: string;
  /** The md5 recorded for the file itself; absent when only its enclosing directory is tracked. */
  md5?: string;
  /** The DVC-tracked directory output holding the file (its `.dir` md5 leads to the file's md5). */
  dir?: { path: string; md5: string };
}

export interface PlotFile {
  path: string;
  x?: string;
  y?: string;
}

export interface Plot {
  id: string;
  /** Images (png/jpg/jpeg/gif/svg) are shown as they are; everything else is a Vega-Lite plot. */
  kind: 'vega' | 'image';
  files: PlotFile[];
  template: string;
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

export interface Project {
  params: Param[];
  inputs: Input[];
  metrics: Metric[];
  cachedMetrics: CachedMetric[];
  plots: Plot[];
  stages: string[];
  problems: Problem[];
}
