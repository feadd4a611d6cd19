import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esc } from './html';
import { themeCss } from './theme';

const softNavClient = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'soft-nav.client.js'), 'utf8');

/**
 * The document around every fake page: github.com's `<html>` theme attributes (`auto`, GitHub's
 * "sync with system": light or dark follows the browser), the signed-in user, the header.
 */
export function layout(opts: { title: string; viewerLogin: string | undefined; repo?: string; main: string }): string {
  return `<!DOCTYPE html>
<html lang="en" data-color-mode="auto" data-light-theme="light" data-dark-theme="dark">
<head>
<meta charset="utf-8">
<title>${esc(opts.title)}</title>
<!-- GitHub's signed-in user (empty when signed out) -->
<meta name="user-login" content="${esc(opts.viewerLogin ?? '')}">
<style>${themeCss}</style>
</head>
<body>
<header class="AppHeader"><a href="/">GitHub</a>${opts.repo ? ` / <a href="/${esc(opts.repo)}">${esc(opts.repo)}</a>` : ''}</header>
<main>${opts.main}</main>
<script>${softNavClient}</script>
</body>
</html>`;
}
