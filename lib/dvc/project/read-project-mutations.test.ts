import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '..';
import { FIXTURES } from '../testing/fixture-files';
import { memoryRepo } from '../testing/memory-repo';

// Real files with bytes changed, deterministically: whatever the damage, readProject resolves, and
// a bad file never hides what the other files give: what the damaged file cannot
// influence stays exactly as the undamaged commit gives it. (This dvc.yaml has no `${...}`, so
// params.yaml decides params only.)

const ROOT = join(FIXTURES, 'iterative__example-get-started/studio-commit-pr46-a9d6176');
const FILES = ['dvc.yaml', 'dvc.lock', 'params.yaml', 'data/data.xml.dvc', 'eval/live/metrics.json'];
const ORIGINAL = Object.fromEntries(FILES.map((f) => [f, new Uint8Array(readFileSync(join(ROOT, f)))]));
type Project = Awaited<ReturnType<typeof readProject>>;
const withoutLocked = (p: Project) => p.params.map(({ locked: _locked, ...rest }) => rest);
/** The parts of the project that a damaged `file` cannot change. */
const UNTOUCHED: Record<string, (p: Project) => unknown> = {
  'dvc.yaml': () => null,
  'dvc.lock': (p) => [withoutLocked(p), p.metrics, p.plots, p.stages],
  'params.yaml': (p) => [p.inputs, p.metrics, p.cachedMetrics, p.plots, p.stages],
  'data/data.xml.dvc': (p) => [p.params, p.inputs.filter((i) => i.hidden), p.metrics, p.cachedMetrics, p.plots, p.stages],
  'eval/live/metrics.json': (p) => [p.params, p.inputs, p.cachedMetrics, p.plots, p.stages],
};
const NOISE = [0x00, 0x09, 0x0a, 0x20, 0x22, 0x24, 0x26, 0x2a, 0x2d, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0xc3, 0xff];

/** A small linear congruential generator: the same mutations on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('mutated real files', () => {
  it('never throw nor hide other files: 300 commits with a few bytes of one file changed', async () => {
    const intact = memoryRepo(ORIGINAL);
    const original = await readProject(intact.read, intact.paths);
    expect(original.problems).toEqual([]);
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const file = FILES[Math.floor(next() * FILES.length)]!;
      const bytes = ORIGINAL[file]!.slice();
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) bytes[Math.floor(next() * bytes.length)] = NOISE[Math.floor(next() * NOISE.length)]!;
      const repo = memoryRepo({ ...ORIGINAL, [file]: bytes });
      const project = await readProject(repo.read, repo.paths);
      expect(UNTOUCHED[file]!(project), `${file} damaged in round ${round}`).toEqual(UNTOUCHED[file]!(original));
      expect(project.problems.every((p) => p.path !== '' && p.message !== '')).toBe(true);
    }
  });
});
