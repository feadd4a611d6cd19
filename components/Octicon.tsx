/**
 * One Octicon, drawn from the path data of its SVG in @primer/octicons. Only the icons a
 * component imports (as `?raw`) reach the bundle, and the SVG is never parsed as HTML: its
 * path data becomes a Preact `<path>`.
 */
export function Octicon({ svg, size = 16 }: { svg: string; size?: number }) {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 16 16';
  const paths = [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => m[1]!);
  return (
    <svg aria-hidden="true" focusable="false" viewBox={viewBox} width={size} height={size} class="octicon">
      {paths.map((d) => (
        <path key={d} fill="currentColor" d={d} />
      ))}
    </svg>
  );
}
