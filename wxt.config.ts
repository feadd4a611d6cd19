import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentScriptBrowser } from './build/content-script-browser';
import { octiconPaths } from './build/octicon-paths';
import { preactWithoutInnerHtml } from './build/preact-without-inner-html';

// The release manifest asks only for storage and the two GitHub hosts. Everything else
// (GitHub Enterprise hosts, DVC remotes, scripting) is optional and asked for after a click.
// `--mode test` adds the loopback host the end-to-end tests' fake GitHub listens on.
// Icons (public/icon/, drawn from assets/icon.svg) are named for the extensions page and, as the
// action's own, for the toolbar, where Firefox would otherwise show a generic puzzle piece.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
/** The hosts asked for at run time, after a click: GitHub Enterprise hosts and DVC remotes. */
const OPTIONAL_HOSTS = ['https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, mode }) => ({
    name: 'Commit Lab',
    description: 'Run, track and compare DVC experiments on GitHub’s own pages.',
    icons: ICONS,
    action: { default_icon: ICONS },
    permissions: ['storage'],
    host_permissions: ['https://github.com/*', 'https://api.github.com/*', ...(mode === 'test' ? ['http://127.0.0.1/*'] : [])],
    optional_permissions: ['scripting'],
    optional_host_permissions: OPTIONAL_HOSTS,
    // The Run form opens over GitHub's commit lists in an iframe of run.html; the "Read metrics from
    // <host>" button is remote-access.html framed in a commit row: permissions.request needs an
    // extension page's click (entrypoints/remote-access explains). On github.com and on every
    // Enterprise host the user adds, so the matches are the optional hosts' (the manifest's list is
    // static; the content scripts of added hosts are registered at run time). use_dynamic_url: the
    // pages answer only at a URL Chrome makes up per session (runtime.getURL gives it), which only
    // our content script puts in a page, so no site can probe the fixed id for Commit Lab or frame
    // the forms unasked. Firefox's moz-extension host is a random per-install id already.
    web_accessible_resources: [
      {
        resources: ['run.html', 'remote-access.html'],
        matches: [...OPTIONAL_HOSTS, ...(mode === 'test' ? ['http://127.0.0.1/*'] : [])],
        use_dynamic_url: true,
      },
    ],
    // The Run form hashes data files with WebAssembly (hash-wasm's MD5); nothing else is loosened.
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // The lowest versions `web-ext lint` accepts without a warning: Firefox 140 and
            // Firefox for Android 142 introduced `data_collection_permissions` (139/141 warn).
            gecko: {
              id: 'commit-lab@commit-lab.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    // Rolldown's constant inlining copied a string at each use: an Octicon drawn twice in one
    // component (fold, alert in RowCells) reached the content script twice, 1.2 kB of its budget.
    build: { rolldownOptions: { optimization: { inlineConst: false } } },
    plugins: [preact(), preactWithoutInnerHtml(), octiconPaths()],
  }),
  hooks: { 'vite:build:extendConfig': contentScriptBrowser },
});
