import { diffMetrics, diffParams, type Problem, type Project } from '../dvc';
import type { StoredFile } from './records';
import type { ExperimentRow, UnreproducedParam } from './types';
import { MAX_FILE_BYTES } from './commit-files';

/** Params whose value differs from what `dvc.lock` recorded (DVC's own equality, as `dvc params diff` uses). */
function unreproduced(project: Project): UnreproducedParam[] {
  return project.params.flatMap((p) => {
    if (!('locked' in p)) return [];
    const changed = diffParams([{ ...p, value: p.locked! }], [p]).length > 0;
    return changed ? [{ file: p.file, key: p.key, value: p.value, locked: p.locked }] : [];
  });
}

/** Files skipped for their size, as problems naming them. */
export function sizeProblems(files: Record<string, StoredFile>): Problem[] {
  return Object.entries(files).flatMap(([path, file]) =>
    file && 'tooLarge' in file
      ? [{ path, message: `not read: ${(file.tooLarge / 1e6).toFixed(1)} MB, over Commit Lab's ${MAX_FILE_BYTES / 1024 / 1024} MB limit for one file` }]
      : [],
  );
}

/** One commit's row: its project, diffed against its first parent's (nothing, for a root commit). */
export function buildRow(sha: string, parents: string[], project: Project, parent: Project | undefined, extraProblems: Problem[]): ExperimentRow {
  return {
    sha,
    parents,
    params: project.params,
    paramChanges: diffParams(parent?.params ?? [], project.params),
    unreproduced: unreproduced(project),
    metrics: project.metrics,
    metricChanges: diffMetrics(parent?.metrics ?? [], project.metrics),
    cachedMetrics: project.cachedMetrics,
    stages: project.stages,
    problems: [...project.problems, ...extraProblems],
  };
}
