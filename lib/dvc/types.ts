/**
 * How an entry's md5 was computed: `'3'` — DVC 3.x, md5 of the raw bytes, entry carries
 * `hash: md5`; `'2'` — DVC 2.x ("md5-dos2unix"), entry has no `hash` field.
 */
export type HashGeneration = '2' | '3';

/** A value as a params/metrics/dvc.yaml parser yields it (JSON-shaped). */
export type DataValue = string | number | boolean | null | DataValue[] | { [key: string]: DataValue };
export type DataObject = { [key: string]: DataValue };

/** The one "is it a mapping" check: an object that is neither `null` nor a list. */
export function isObject(value: unknown): value is DataObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Gives a file's content at the commit, `null` when absent. A rejection is a transport failure. */
export type ReadFile = (path: string) => Promise<string | Uint8Array | null>;

export interface Problem {
  path: string;
  message: string;
}

export interface Param {
  file: string;
  key: string;
  /**
   * As parsed. Integers beyond 2^53 arrive as the nearest number (a Project stays JSON-shaped for
   * extension messaging; Python would keep them exact), which `editParams` refuses to write back.
   */
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

/**
 * A declared metrics file that is not in git. A lock
 * records an md5 only for an output itself: a file inside a tracked directory output (as
 * example-get-started's `eval/metrics.json` inside `eval`) has no md5 in any file of the commit —
 * it is in the directory's `.dir` manifest, in the remote. So it is one or the other:
 */
export type CachedMetric =
  /** The file is an output itself: the md5 its lock or `.dvc` file records. */
  | { file: string; md5: string }
  /** The file lies inside the DVC-tracked directory output `path`, whose `.dir` md5 leads to the file's md5. */
  | { file: string; dir: { path: string; md5: string } };

export interface PlotFile {
  path: string;
  x?: string;
  y?: string;
}

/**
 * A plot as `dvc plots show` renders it. `kind` is DVC's renderer type (`vega` or `image`, as in
 * `dvc plots show --json`): an image (png/jpg/jpeg/gif/svg) is
 * shown as it is, so it has no template, axes or labels.
 */
export type Plot = VegaPlot | ImagePlot;

export interface VegaPlot {
  id: string;
  kind: 'vega';
  files: PlotFile[];
  template: string;
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

export interface ImagePlot {
  id: string;
  kind: 'image';
  files: { path: string }[];
}

/** A file a stage depends on that git keeps (no DVC output, no data source): replaced by committing new bytes. */
export interface GitInput {
  path: string;
  /** The stages that depend on it, as `dvc` names them. */
  stages: string[];
}

export interface Project {
  params: Param[];
  inputs: Input[];
  /** Stage `deps` that are files of the commit's tree and not DVC-tracked, in the order the stages name them. */
  gitInputs: GitInput[];
  metrics: Metric[];
  cachedMetrics: CachedMetric[];
  plots: Plot[];
  stages: string[];
  problems: Problem[];
}
