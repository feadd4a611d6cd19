// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import beaker from '@primer/octicons/build/svg/beaker-16.svg?raw';
import { octicon } from './Octicon';

// The package's own SVG file, read from disk: the drawing must carry exactly its geometry.
const file = readFileSync(createRequire(import.meta.url).resolve('@primer/octicons/build/svg/beaker-16.svg'), 'utf8');

describe('octicon', () => {
  it('draws the Octicon’s own path, hidden from screen readers, in the text colour', () => {
    const { container } = render(octicon(beaker, 12));
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('viewBox')).toBe('0 0 16 16');
    expect(svg.getAttribute('width')).toBe('12');
    const paths = [...svg.querySelectorAll('path')];
    expect(paths.map((p) => p.getAttribute('d'))).toEqual([/ d="([^"]+)"/.exec(file)![1]]);
    expect(paths.every((p) => p.getAttribute('fill') === 'currentColor')).toBe(true);
  });
});
