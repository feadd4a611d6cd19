import type { Pipeline } from '../pipeline/model';
import type { GitInput, Input } from '../types';

const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/**
 * The stages' dependencies git keeps: each `deps:` path that is a file of the commit (`paths`)
 * and lies in no DVC-tracked output or data source (those are `inputs`, in the DVC cache). A
 * folder named as a dep is not one file of the tree, and a dep missing from the commit is left
 * out: neither can be replaced by new bytes for one file.
 */
export function collectGitInputs(pipelines: Pipeline[], inputs: readonly Input[], paths: readonly string[]): GitInput[] {
  const files = new Set(paths);
  const found = new Map<string, GitInput>();
  for (const pipeline of pipelines) {
    for (const stage of pipeline.stages) {
      for (const dep of stage.deps) {
        if (!files.has(dep) || inputs.some((i) => within(dep, i.path))) continue;
        const known = found.get(dep);
        if (known) {
          if (!known.stages.includes(stage.address)) known.stages.push(stage.address);
        } else found.set(dep, { path: dep, stages: [stage.address] });
      }
    }
  }
  return [...found.values()];
}
