import { dirname, joinPath } from '../paths';
import type { Pipeline } from '../pipeline/model';
import type { LockStage, TrackedEntry } from './tracked';
import type { Input } from '../types';

function input(path: string, hidden: boolean, dvcFile: string, entry: TrackedEntry | undefined): Input {
  const out: Input = { path, hidden, dvcFile, hashGeneration: entry?.hashGeneration ?? '3' };
  if (entry?.md5 !== undefined) out.md5 = entry.md5;
  if (entry?.size !== undefined) out.size = entry.size;
  if (entry?.nfiles !== undefined) out.nfiles = entry.nfiles;
  return out;
}

/** Data sources (outputs of `dvc add`/`dvc import` files) visible; every stage output hidden, with what its lock records. */
export function collectInputs(
  dataSources: { path: string; wdir: string; outs: TrackedEntry[] }[],
  pipelines: Pipeline[],
  locks: Map<string, Map<string, LockStage>>,
): Input[] {
  const inputs: Input[] = [];
  for (const file of dataSources) {
    for (const out of file.outs) {
      const path = joinPath(dirname(file.path), file.wdir, out.path);
      if (path) inputs.push(input(path, false, file.path, out));
    }
  }
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      const recorded = locks.get(pipeline.path)?.get(stage.name)?.outs ?? [];
      for (const output of stage.outputs) {
        const entry = recorded.find((o) => joinPath(stage.wdir, o.path) === output.path);
        inputs.push(input(output.path, true, pipeline.lockPath, entry));
      }
    }
  }
  return inputs;
}
