import { describe, expect, it } from 'vitest';
import type { CachedMetric, Plot } from '..';

// Shapes the types must forbid, checked by `tsc --noEmit` (each @ts-expect-error fails the type
// check if the shape becomes writable) and kept honest at run time by the assertions.
describe('Project types admit only what DVC can give', () => {
  it('a cached metric has its own md5 or the directory holding it, never neither', () => {
    const own: CachedMetric = { file: 'scores.json', md5: '8f7ae54edbbe9a222b693bce8985cb80' };
    const inDir: CachedMetric = { file: 'eval/metrics.json', dir: { path: 'eval', md5: '80a081570c800c60b9b98ca4b3c91dd7.dir' } };
    // @ts-expect-error a lock records no md5 for a file inside a tracked directory, and nothing else places it
    const neither: CachedMetric = { file: 'eval/metrics.json' };
    expect([own, inDir, neither].map((m) => ('md5' in m ? 'own' : 'dir' in m ? 'dir' : 'none'))).toEqual(['own', 'dir', 'none']);
  });

  it('an image plot is shown as it is: no template', () => {
    // @ts-expect-error DVC renders images without a Vega-Lite template
    const image: Plot = { id: 'importance.png', kind: 'image', files: [{ path: 'importance.png' }], template: 'linear' };
    expect(image.kind).toBe('image');
  });
});
