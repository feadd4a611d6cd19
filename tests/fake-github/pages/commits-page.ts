import { dayGroups, groupByDay, headlineOf, type RowContext } from './commit-row';
import { esc, scriptJson } from './html';
import { newerQuery, olderQuery } from './paging';
import type { HistoryPage, PageRepository, ResolvedRef } from './source';

export interface CommitsPageInput {
  repo: PageRepository;
  ref: ResolvedRef;
  tip: string;
  offset: number;
  history: HistoryPage;
}

/**
 * The repository commit list `/<o>/<r>/commits/<ref>[/<path>]` (extension-anchors §3.1): a
 * `react-app[app-name="commits"]` whose embedded JSON carries the ref as the server resolved it
 * (the only reliable place to learn where a ref containing `/` ends), day groups of rows, and
 * Newer/Older paging.
 */
export function commitsPage({ repo, ref, tip, offset, history }: CommitsPageInput): string {
  const base = `/${repo.owner}/${repo.name}/commits/${ref.ref}${ref.path ? `/${ref.path}` : ''}`;
  const ctx: RowContext = { owner: repo.owner, repo: repo.name, ...(ref.path ? { path: ref.path } : {}) };
  const payload = {
    payload: {
      repo: { ownerLogin: repo.owner, name: repo.name, defaultBranch: repo.defaultBranch },
      refInfo: { name: ref.ref, currentOid: ref.oid },
      path: ref.path,
      filters: {
        pagination: {
          hasNextPage: history.hasOlder,
          hasPreviousPage: history.hasNewer,
          endCursor: history.hasOlder ? olderQuery(tip, offset).slice('?after='.length) : null,
        },
      },
      commitGroups: groupsJson(history),
    },
  };
  const newer = history.hasNewer ? `<a href="${esc(base + newerQuery(tip, offset))}" rel="prev">Newer</a>` : '<button type="button" disabled>Newer</button>';
  const older = history.hasOlder ? `<a href="${esc(base + olderQuery(tip, offset))}" rel="next">Older</a>` : '<button type="button" disabled>Older</button>';
  return `
<!-- §3.1 App root / data: react-app[app-name="commits"] + embedded JSON -->
<react-app app-name="commits" initial-path="${esc(base)}" style="display:block">
  <script type="application/json" data-target="react-app.embeddedData">${scriptJson(payload)}</script>
  <div data-target="react-app.reactRoot">
    <h2>Commits</h2>
    <p>Branch: <strong data-ref>${esc(ref.ref)}</strong>${ref.path ? ` · History for <code>${esc(ref.path)}</code>` : ''}</p>
    <div class="Timeline">${history.commits.length ? dayGroups(ctx, history.commits) : '<p>No commits history for this ref.</p>'}</div>
    <nav aria-label="Pagination">${newer}${older}</nav>
  </div>
</react-app>`;
}

function groupsJson(history: HistoryPage) {
  return groupByDay(history.commits).map((group) => ({
    title: group.title,
    commits: group.commits.map((c) => ({
      oid: c.oid,
      shortMessage: headlineOf(c.message),
      committedDate: c.committedDate,
      authors: [{ login: c.author.login ?? null, displayName: c.author.name }],
      parents: c.parents,
    })),
  }));
}
