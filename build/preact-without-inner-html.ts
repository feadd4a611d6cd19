import type { Plugin } from 'vite';

/**
 * Removes the one place Preact writes HTML into the page: `dangerouslySetInnerHTML`. Commit Lab
 * treats everything from a repository as text, so the prop is never used; replacing its
 * `innerHTML` assignment with a throw makes that a rule of the build (and keeps `web-ext lint`
 * free of its UNSAFE_VAR_ASSIGNMENT warning). The build fails if a Preact upgrade changes the
 * code this expects, rather than silently keeping the assignment — and if a build bundles Preact
 * but never passed Preact's own module through here (a renamed file, another resolution).
 */
const ASSIGNMENT = /\(([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\)/g;

const PREACT_FILE = /[\\/]node_modules[\\/]preact[\\/]/;
const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/;

export function preactWithoutInnerHtml(): Plugin {
  // WXT runs one build per group of entrypoints; only those that bundle Preact must have met its core.
  let bundlesPreact = false;
  let transformed = false;
  return {
    name: 'commit-lab:preact-without-inner-html',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      bundlesPreact = false;
      transformed = false;
    },
    transform(code, id) {
      if (PREACT_FILE.test(id)) bundlesPreact = true;
      if (!PREACT_CORE.test(id)) return undefined;
      transformed = true;
      const replaced = code.replace(ASSIGNMENT, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in Commit Lab")})()');
      if (replaced === code) this.error(`preact-without-inner-html: no dangerouslySetInnerHTML assignment found in ${id}; update the pattern`);
      return { code: replaced, map: null };
    },
    buildEnd(error) {
      if (!error && bundlesPreact && !transformed)
        this.error('preact-without-inner-html: this build bundles Preact but never transformed its core module; update PREACT_CORE');
    },
  };
}
