import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const OCTICON_RAW = /[\\/]@primer[\\/]octicons[\\/]build[\\/]svg[\\/][\w-]+\.svg\?raw$/;

/**
 * Octicons imported `?raw` reach the bundle as their viewBox and path data alone (what
 * `components/Octicon.tsx` reads of them), not as the whole SVG file: the content script's size
 * budget counts every byte.
 */
export function octiconPaths(): Plugin {
  return {
    name: 'commit-lab:octicon-paths',
    enforce: 'pre',
    load(id) {
      if (!OCTICON_RAW.test(id)) return undefined;
      const svg = readFileSync(id.slice(0, -'?raw'.length), 'utf8');
      const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
      const paths = [...svg.matchAll(/<path[^>]*\sd="([^"]+)"/g)].map((m) => `<path d="${m[1]}"/>`);
      if (!viewBox || paths.length === 0) this.error(`octicon-paths: no viewBox or path in ${id}`);
      return `export default ${JSON.stringify(`<svg viewBox="${viewBox}">${paths.join('')}</svg>`)};`;
    },
  };
}
