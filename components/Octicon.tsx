import type { VNode } from 'preact';

/** Each icon's viewBox and path data, read once however many rows draw it. */
const shapes = new Map<string, { viewBox: string; paths: string[] }>();

/**
 * One Octicon, drawn from the path data of its SVG in @primer/octicons. Only the icons a
 * component imports (as `?raw`) reach the bundle, and the SVG is never parsed as HTML: its
 * path data becomes a Preact `<path>`. A function, not a component: every row draws several,
 * and a component instance each costs more than the two elements it makes.
 */
export function octicon(svg: string, size = 16): VNode {
  let shape = shapes.get(svg);
  if (!shape) {
    shape = { viewBox: /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 16 16', paths: [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]!) };
    shapes.set(svg, shape);
  }
  return (
    <svg aria-hidden="true" focusable="false" viewBox={shape.viewBox} width={size} height={size} class="octicon">
      {shape.paths.map((d) => (
        <path key={d} fill="currentColor" d={d} />
      ))}
    </svg>
  );
}
