import { linearHistory, memorySource, type CommitSpec, type MemoryRepo } from './memory-source';
import type { PageSource } from './source';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 8, 1, 9, 0, 0);
const at = (hours: number) => new Date(START + hours * HOUR).toISOString().replace('.000Z', 'Z');

/**
 * `acme/mnist`: 80 commits on `main` (three pages of 35, 35, 10; every fifth touching
 * `src/train.py`, every seventh with a description), a branch whose name contains slashes, a
 * tag, and PR #3 whose three commits sit on that branch. One commit message is hostile HTML.
 */
export function testRepo(): MemoryRepo {
  const specs: CommitSpec[] = Array.from({ length: 80 }, (_, i) => ({
    message: i === 40 ? 'Try <img src=x onerror="alert(1)"> & "quotes"' : `Experiment ${i + 1}: lr=${(0.001 * (i + 1)).toFixed(3)}${i % 7 === 0 ? `\n\nWhy: run ${i + 1} of the sweep.\nSecond line.` : ''}`,
    date: at(i * 5),
    changedPaths: i % 5 === 0 ? ['params.yaml', 'src/train.py'] : ['params.yaml'],
    ...(i % 3 === 0 ? { checkStatus: i % 2 ? 'failure' as const : 'success' as const } : {}),
  }));
  const main = linearHistory(specs);
  const branchSpecs: CommitSpec[] = [0, 1, 2].map((i) => ({ message: `Branch work ${i + 1}`, date: at(80 * 5 + i), changedPaths: ['dvc.yaml'] }));
  const branch = linearHistory(branchSpecs, main.at(-1)!.oid);
  return {
    owner: 'acme',
    name: 'mnist',
    defaultBranch: 'main',
    commits: [...main, ...branch],
    branches: { main: main.at(-1)!.oid, 'feature/deep/ref': branch.at(-1)!.oid },
    tags: { 'v1.0': main[9]!.oid },
    pulls: [{ number: 3, title: 'Deep ref experiments', baseRef: 'main', headRef: 'feature/deep/ref', commits: branch }],
  };
}

export function testSource(): PageSource {
  return memorySource([testRepo()]);
}
