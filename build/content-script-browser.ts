import type { AliasOptions, InlineConfig } from 'vite';

type Alias = Exclude<AliasOptions, Record<string, string>>[number];

/**
 * Content scripts get WXT's own `browser` (the browser's promise-based API: Firefox's `browser`,
 * Chrome's `chrome`) instead of webextension-polyfill, which the other entrypoints keep: the
 * polyfill is about 10 kB minified, a sixth of the content script's 60 kB budget, for the three
 * calls it makes (`runtime.sendMessage`, `runtime.getURL`, `runtime.onMessage`), all promise-based
 * or answered synchronously in both browsers. `ask` (lib/messages/ask.ts) turns the background
 * polyfill's rejection back into one. Runs as WXT's `vite:build:extendConfig` hook, once per build.
 */
export function contentScriptBrowser(entrypoints: readonly { type: string }[], config: InlineConfig): void {
  if (!entrypoints.every((e) => e.type === 'content-script')) return;
  const alias = config.resolve?.alias;
  const rest: Alias[] = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
  // The first match wins: this one comes before the polyfill module's `wxt/browser`.
  config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...rest] };
}
