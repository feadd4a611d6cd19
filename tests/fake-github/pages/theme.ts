/**
 * Primer's functional color variables (names as github.com defines them since 2023, values from
 * @primer/primitives' light and dark themes), keyed on `data-color-mode` like github.com's
 * `<html>`, so anything styled with these variables follows the page's theme.
 */
const light = {
  '--fgColor-default': '#1f2328',
  '--fgColor-muted': '#59636e',
  '--fgColor-accent': '#0969da',
  '--fgColor-success': '#1a7f37',
  '--fgColor-danger': '#d1242f',
  '--fgColor-attention': '#9a6700',
  '--bgColor-default': '#ffffff',
  '--bgColor-muted': '#f6f8fa',
  '--bgColor-accent-muted': '#ddf4ff',
  '--borderColor-default': '#d1d9e0',
  '--borderColor-muted': '#d1d9e0b3',
};
const dark: typeof light = {
  '--fgColor-default': '#f0f6fc',
  '--fgColor-muted': '#9198a1',
  '--fgColor-accent': '#4493f8',
  '--fgColor-success': '#3fb950',
  '--fgColor-danger': '#f85149',
  '--fgColor-attention': '#d29922',
  '--bgColor-default': '#0d1117',
  '--bgColor-muted': '#151b23',
  '--bgColor-accent-muted': '#388bfd1a',
  '--borderColor-default': '#3d444d',
  '--borderColor-muted': '#3d444db3',
};

const block = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([k, v]) => `${k}:${v};`)
    .join('');

export const themeCss = `
[data-color-mode="light"],[data-color-mode="auto"]{${block(light)}color-scheme:light}
[data-color-mode="dark"]{${block(dark)}color-scheme:dark}
@media (prefers-color-scheme: dark){[data-color-mode="auto"]{${block(dark)}color-scheme:dark}}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;
  color:var(--fgColor-default);background:var(--bgColor-default)}
a{color:var(--fgColor-accent);text-decoration:none}
.AppHeader{padding:12px 24px;border-bottom:1px solid var(--borderColor-default);background:var(--bgColor-muted)}
main{max-width:1012px;margin:24px auto;padding:0 16px}
.Timeline-Item{margin-bottom:16px}
h3[data-testid="commit-group-title"]{font-size:14px;font-weight:400;color:var(--fgColor-muted);margin:8px 0}
ul[data-listview-component="items-list"]{list-style:none;margin:0;padding:0;border:1px solid var(--borderColor-default);border-radius:6px}
li[data-testid="commit-row-item"]{display:grid;grid-template-columns:1fr auto auto;grid-template-areas:"title metadata actions" "main metadata actions";
  gap:2px 16px;padding:8px 16px;border-top:1px solid var(--borderColor-muted);align-items:center}
li[data-testid="commit-row-item"]:first-child{border-top:0}
[data-testid="list-view-item-title-container"]{grid-area:title}
[data-testid="list-view-item-main-content"]{grid-area:main;color:var(--fgColor-muted);font-size:12px}
[data-testid="list-view-item-metadata"]{grid-area:metadata;display:flex;gap:8px;align-items:center}
[data-testid="list-view-item-action-bar-container"]{grid-area:actions;display:flex;gap:4px}
h4.markdown-title{margin:0;font-size:14px;font-weight:600}
h4.markdown-title a{color:var(--fgColor-default)}
.text-mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;color:var(--fgColor-muted)}
[data-testid="overflow-menu-anchor"]{display:none}
@media (max-width: 544px){[data-testid="list-view-item-action-bar-container"]>:not([data-testid="overflow-menu-anchor"]){display:none}
  [data-testid="overflow-menu-anchor"]{display:inline-block}}
nav[aria-label="Pagination"]{display:flex;justify-content:center;gap:8px;margin:16px 0}
`;
