import type { Budget } from './budget';
import type { TrackedVars } from './context';
import type { DataObject } from '../types';

// The pipeline model: what a dvc.yaml resolves to. Its own module so the loader, the stage
// resolver and the `foreach`/`matrix` expansion share it without importing each other.

export type OutputKind = 'outs' | 'metrics' | 'plots';

export interface StageOutput {
  /** Repo-relative. */
  path: string;
  kind: OutputKind;
  props: DataObject;
}

/** One params file a stage depends on: listed keys, or `null` for the whole file. */
export interface StageParams {
  file: string;
  keys: string[] | null;
}

export interface Stage {
  /** The name as `dvc.lock` keys it (`train`, `train@0`). */
  name: string;
  /** The name `dvc` prints: bare for the root dvc.yaml, else `sub/dvc.yaml:train`. */
  address: string;
  /** Repo-relative working directory. */
  wdir: string;
  params: StageParams[];
  /** `deps:` inside the repository, repo-relative (files or folders; external URLs and absolute paths left out). */
  deps: string[];
  outputs: StageOutput[];
}

export interface TopPlot {
  id: string;
  props: DataObject | null;
}

export interface Pipeline {
  /** The dvc.yaml (or a legacy single-stage `.dvc` file). */
  path: string;
  dir: string;
  /** Where the stages' hashes are recorded: the dvc.lock beside the dvc.yaml, or the `.dvc` file itself. */
  lockPath: string;
  stages: Stage[];
  /** Top-level `params:` files, repo-relative. */
  params: string[];
  /** Top-level `metrics:` paths, repo-relative. */
  metrics: string[];
  /** Top-level `plots:` as written, ids still relative to the dvc.yaml's folder. */
  plots: TopPlot[];
  /** Values the stages' `${...}` took from files. */
  tracked: TrackedVars;
}

/** The dvc.yaml a stage is resolved in. */
export interface Scope {
  path: string;
  dir: string;
  tracked: TrackedVars;
  budget: Budget;
}
