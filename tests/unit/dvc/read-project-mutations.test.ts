import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../../lib/dvc';
import { FIXTURES } from './fixture-repo';
import { memoryRepo } from './memory-repo';

// Real files with bytes changed, deterministically: whatever the damage, readProject resolves,
// and every problem names a file of the commit.

const ROOT = join(FIXTURES, 'iterative__example-get-started/studio-commit-pr46-a9d6176');
const FILES = ['dvc.yaml', 'dvc.lock', 'params.yaml', 'data/data.xml.dvc', 'eval/live/metrics.json'];
const ORIGINAL = Object.fromEntries(FILES.map((f) => [f, new Uint8Array(readFileSync(join(ROOT, f)))]));
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
  it('never throw: 300 commits with a few bytes of one file changed', async () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const file = FILES[Math.floor(next() * FILES.length)]!;
      const bytes = ORIGINAL[file]!.slice();
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) bytes[Math.floor(next() * bytes.length)] = NOISE[Math.floor(next() * NOISE.length)]!;
      const repo = memoryRepo({ ...ORIGINAL, [file]: bytes });
      const project = await readProject(repo.read, repo.paths);
      for (const problem of project.problems) expect(typeof problem.message).toBe('string');
      expect(project.problems.every((p) => p.path !== '')).toBe(true);
    }
  });
});
