import { describe, expect, it } from 'vitest';
import { readProject, type CachedMetric, type Plot } from '..';
import { commit } from '../testing/fixture-repo';

// The types forbid these shapes at compile time (each @ts-expect-error fails `tsc --noEmit` if the
// shape becomes writable). The compiler cannot see what readProject builds at run time from parsed
// files, so the same rules are checked on what it gives for real projects: no extra keys.
const G = 'iterative__example-get-started';
const COMMITS = [`${G}/main-06ea489`, 'iterative__vscode-dvc-demo/head-f62608c'];

describe('Project types admit only what DVC can give', () => {
  it('a cached metric has its own md5 or the directory holding it, never neither and never both', async () => {
    // @ts-expect-error a lock records no md5 for a file inside a tracked directory, and nothing else places it
    const neither: CachedMetric = { file: 'eval/metrics.json' };
    void neither;
    let seen = 0;
    for (const folder of COMMITS) {
      const repo = commit(folder);
      for (const metric of (await readProject(repo.read, repo.paths)).cachedMetrics) {
        seen++;
        expect(Object.keys(metric).sort(), `${folder} ${metric.file}`).toSatisfy((keys: string[]) => ['dir,file', 'file,md5'].includes(keys.join()));
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('an image plot is shown as it is: no template, axes or labels', async () => {
    // @ts-expect-error DVC renders images without a Vega-Lite template
    const withTemplate: Plot = { id: 'importance.png', kind: 'image', files: [{ path: 'importance.png' }], template: 'linear' };
    void withTemplate;
    const images = [];
    for (const folder of COMMITS) {
      const repo = commit(folder);
      images.push(...(await readProject(repo.read, repo.paths)).plots.filter((p) => p.kind === 'image'));
    }
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(Object.keys(image).sort()).toEqual(['files', 'id', 'kind']);
  });
});
