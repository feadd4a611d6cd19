import { esc } from './html';
import type { PageRepository } from './source';

/** A repository's home page: not a commit list, but one link away from one (for soft navigation). */
export function repoPage(repo: PageRepository): string {
  const base = `/${repo.owner}/${repo.name}`;
  return `
<h2>${esc(repo.owner)}/${esc(repo.name)}</h2>
<p><a href="${esc(`${base}/commits/${repo.defaultBranch}`)}" data-testid="repo-commits-link">Commits</a> on <code>${esc(repo.defaultBranch)}</code></p>
<article><h3>README.md</h3><p>A DVC project.</p></article>`;
}
