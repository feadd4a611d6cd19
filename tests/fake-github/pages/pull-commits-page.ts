import { dayGroups } from './commit-row';
import { esc } from './html';
import type { PagePullRequest, PageRepository } from './source';

/**
 * A pull request's Commits tab `/<o>/<r>/pull/<n>/commits` (extension-anchors §3.2): the same
 * row component inside `div[data-testid="commits-list"]`, rows linking `/pull/<n>/commits/<sha>`.
 */
export function pullCommitsPage(repo: PageRepository, pull: PagePullRequest): string {
  const base = `/${repo.owner}/${repo.name}/pull/${pull.number}`;
  return `
<div class="gh-header">
  <h1 class="prc-PageHeader-Title-LKOsd"><bdi class="markdown-title">${esc(pull.title)}</bdi> <span>#${pull.number}</span></h1>
  <p>wants to merge ${pull.commits.length} commits into <code>${esc(pull.baseRef)}</code> from <code>${esc(pull.headRef)}</code></p>
</div>
<nav aria-label="Pull request tabs"><a href="${esc(base)}">Conversation</a> · <a href="${esc(base)}/commits" aria-current="page">Commits ${pull.commits.length}</a> · <a href="${esc(base)}/files">Files changed</a></nav>
<!-- §3.2 div[data-testid="commits-list"] › Timeline › .Timeline-Item -->
<div data-testid="commits-list"><div class="Timeline">${dayGroups({ owner: repo.owner, repo: repo.name, pullNumber: pull.number }, pull.commits)}</div></div>`;
}
