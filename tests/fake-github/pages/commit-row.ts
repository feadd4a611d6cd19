import { esc } from './html';
import type { PageCommit } from './source';

/** Where a row's links point: the repository list links `/commit/<sha>`, a PR's tab `/pull/<n>/commits/<sha>`. */
export interface RowContext {
  owner: string;
  repo: string;
  /** Set on a PR's Commits tab. */
  pullNumber?: number;
  /** Set on a file-history list (`/commits/<ref>/<path>`): rows get GitHub's "View code at this point" link. */
  path?: string;
}

/** GitHub's `messageHeadline`: the message's first line. */
export function headlineOf(message: string): string {
  return message.split('\n', 1)[0]!.trim();
}

/** The message after the headline, as GitHub shows it in the expandable description. */
export function bodyOf(message: string): string {
  return message.split('\n').slice(1).join('\n').trim();
}

export function commitHref(ctx: RowContext, oid: string): string {
  const repo = `/${ctx.owner}/${ctx.repo}`;
  return ctx.pullNumber === undefined ? `${repo}/commit/${oid}` : `${repo}/pull/${ctx.pullNumber}/commits/${oid}`;
}

/** A plain disc: the fake has no avatars to serve. */
const AVATAR =
  'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%228%22 fill=%22%238c959f%22/%3E%3C/svg%3E';
const COPY_ICON =
  '<svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12"><rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor"/><rect x="2" y="2" width="9" height="9" rx="1.5" fill="none" stroke="currentColor"/></svg>';

const CHECK_LABEL = { success: 'success', failure: 'failure', pending: 'pending' } as const;

/**
 * One `li[data-testid="commit-row-item"]`, child order as GitHub's ListView renders it (title,
 * main content, metadata, action bar). Comments name the row of extension-anchors §3.1 each hook
 * comes from; class names copy GitHub's hashed module classes only as decoys nobody may rely on.
 */
export function commitRow(ctx: RowContext, commit: PageCommit): string {
  const href = commitHref(ctx, commit.oid);
  const short = commit.oid.slice(0, 7);
  const headline = headlineOf(commit.message);
  const body = bodyOf(commit.message);
  const { login, name } = commit.author;
  const who = login ?? name;
  const repo = `/${ctx.owner}/${ctx.repo}`;
  return `
<!-- §3.1 Row: li[data-testid="commit-row-item"] with data-commit-link (§3.2: /pull/<n>/commits/<sha> on a PR's tab) -->
<li data-testid="commit-row-item" data-commit-link="${esc(href)}" class="ListItem-module__listItem--kHali CommitRow-module__ListItem_0--3YGxN">
  <div data-testid="list-view-item-title-container">
    <!-- §3.1 Message link: h4.markdown-title > span > a[href*="/commit/"], title = full message -->
    <h4 class="markdown-title Title-module__heading--upUxW CommitRow-module__ListItemTitle_0--g9uVv"><span class="Title-module__anchor--SyQM6"><a data-pjax="true" title="${esc(commit.message)}" class="color-fg-default" href="${esc(href)}" tabindex="-1">${esc(headline)}</a></span></h4>
    ${
      body
        ? `<!-- §3.1 Description toggle -->
    <button type="button" data-testid="commit-row-show-description-button" aria-label="Show description for ${short}" aria-expanded="false">…</button>`
        : ''
    }
  </div>
  <div data-testid="list-view-item-main-content">
    ${
      body
        ? `<!-- §3.1 Description body -->
    <div data-testid="list-view-item-description" class="Description-module__container--Gh9Qm" hidden><pre>${esc(body)}</pre></div>`
        : ''
    }
    <!-- §3.1 Author / time -->
    <a data-testid="avatar-icon-link" href="/${esc(who)}"><img data-testid="author-avatar" alt="" width="16" height="16" src="${AVATAR}" style="border-radius:50%;vertical-align:middle"></a>
    ${login ? `<a aria-label="commits by ${esc(login)}" href="${repo}/commits?author=${esc(login)}">${esc(login)}</a>` : `<span>${esc(name)}</span>`}
    committed <relative-time datetime="${esc(commit.committedDate)}">${esc(commit.committedDate.slice(0, 10))}</relative-time>
  </div>
  <!-- §3.1 Metadata area -->
  <div data-testid="list-view-item-metadata">
    ${
      commit.checkStatus
        ? `<div data-testid="list-view-item-metadata-item"><!-- §3.1 CI badge -->
      <button type="button" data-testid="checks-status-badge-button" aria-label="Status checks: ${CHECK_LABEL[commit.checkStatus]}">●</button></div>`
        : ''
    }
    <div data-testid="list-view-item-metadata-item"><a class="text-mono" href="${repo}/commit/${commit.oid}" aria-label="View commit details">${short}</a></div>
  </div>
  <!-- §3.1 Right-side actions (collapsing into the overflow menu on narrow viewports) -->
  <div data-testid="list-view-item-action-bar-container">
    <button type="button" aria-label="Copy full SHA for ${short}">${COPY_ICON}</button>
    <a data-testid="commit-row-browse-repo" href="${repo}/tree/${commit.oid}" aria-label="Browse repository at this point">&lt;&gt;</a>
    ${ctx.path ? `<a data-testid="commit-row-view-code" href="${repo}/blob/${commit.oid}/${esc(ctx.path)}" aria-label="View code at this point">▤</a>` : ''}
    <button type="button" data-testid="overflow-menu-anchor" aria-label="More actions">…</button>
  </div>
</li>`;
}

/** GitHub's day group title, in UTC like the server render. */
export function dayTitle(isoDate: string): string {
  const date = new Date(isoDate);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `Commits on ${month} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** Commits grouped by committed day, in list order, as GitHub's list and its embedded JSON group them. */
export function groupByDay(commits: PageCommit[]): { title: string; commits: PageCommit[] }[] {
  const groups: { title: string; commits: PageCommit[] }[] = [];
  for (const commit of commits) {
    const title = dayTitle(commit.committedDate);
    if (groups.at(-1)?.title !== title) groups.push({ title, commits: [] });
    groups.at(-1)!.commits.push(commit);
  }
  return groups;
}

/** Day groups of rows: `.Timeline-Item` › `h3` + `ul[data-listview-component]`. */
export function dayGroups(ctx: RowContext, commits: PageCommit[]): string {
  return groupByDay(commits)
    .map(
      (g) => `
<!-- §3.1 Day group: .Timeline-Item, h3[data-testid="commit-group-title"], ul[data-listview-component="items-list"] -->
<div class="Timeline-Item">
  <h3 data-testid="commit-group-title">${esc(g.title)}</h3>
  <ul data-listview-component="items-list">${g.commits.map((c) => commitRow(ctx, c)).join('')}</ul>
</div>`,
    )
    .join('');
}
