import type { Plugin } from 'vite';

/**
 * Removes the one place Preact writes HTML into the page: `dangerouslySetInnerHTML`. Commit Lab
 * treats everything from a repository as text, so the prop is never used; replacing its
 * `innerHTML` assignment with a throw makes that a rule of the build (and keeps `web-ext lint`
 * free of its UNSAFE_VAR_ASSIGNMENT warning). The build fails if a Preact upgrade changes the
 * code this expects, rather than silently keeping the assignment.
 */
const ASSIGNMENT = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'commit-lab:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id)) return undefined;
      const replaced = code.replace(ASSIGNMENT, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Commit Lab")})()');
      if (replaced === code) this.error(`preact-without-inner-html: no dangerouslySetInnerHTML assignment found in ${id}; update the pattern`);
      return { code: replaced, map: null };
    },
  };
}
