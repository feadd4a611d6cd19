import { query, selectors } from '../../lib/page/selectors';
import { COMMITTED_MESSAGE } from '../run-form/frame-messages';

/** What the Run page posts after its commit (`COMMITTED_MESSAGE`). */
export interface Committed {
  branch: string;
  commit: string;
  message: string;
}

/** Marks what we added to GitHub's list for a commit just made (our row, or the link to its branch). */
export const COMMITTED_ATTRIBUTE = 'data-commit-lab-committed';

export function committedOf(data: unknown): Committed | undefined {
  const d = data as Partial<Record<keyof Committed | 'type', unknown>> | null;
  if (d?.type !== COMMITTED_MESSAGE || typeof d.branch !== 'string' || typeof d.commit !== 'string' || !/^[0-9a-f]{40}$/.test(d.commit)) return undefined;
  return { branch: d.branch, commit: d.commit, message: typeof d.message === 'string' ? d.message : '' };
}

/** A shallow copy of the page's own element (its classes, so our row looks like GitHub's), or a new one. */
function like(model: Element | null | undefined, document: Document, tag: string, testId?: string): HTMLElement {
  const element = model ? (model.cloneNode(false) as HTMLElement) : document.createElement(tag);
  if (!model && testId) element.setAttribute('data-testid', testId);
  return element;
}

/**
 * A commit row of our own, shaped and classed as the page's first row, for a commit GitHub's list
 * does not show until the next load: title link, short SHA, an empty action bar. The overlay finds
 * it like any row (cells, Run, report icon) and follows its CI. Repository text goes in as text.
 */
export function rowFor(document: Document, first: Element, repo: { owner: string; name: string }, committed: { commit: string; message: string }): HTMLElement {
  const href = `/${repo.owner}/${repo.name}/commit/${committed.commit}`;
  const li = like(first, document, 'li');
  li.setAttribute('data-commit-link', href);
  li.setAttribute(COMMITTED_ATTRIBUTE, committed.commit);
  const firstLink = query(first, selectors.rowTitleLink);
  const title = like(query(first, selectors.rowTitle), document, 'div', 'list-view-item-title-container');
  const heading = like(firstLink?.closest('h4'), document, 'h4');
  heading.classList.add('markdown-title');
  const span = like(firstLink?.parentElement, document, 'span');
  const link = like(firstLink, document, 'a');
  link.setAttribute('href', href);
  link.setAttribute('title', committed.message);
  link.textContent = committed.message.split('\n')[0] || committed.commit.slice(0, 7);
  span.append(link);
  heading.append(span);
  title.append(heading);
  const metadata = like(query(first, selectors.rowMetadata), document, 'div', 'list-view-item-metadata');
  const short = document.createElement('a');
  short.className = 'text-mono';
  short.href = href;
  short.setAttribute('aria-label', 'View commit details');
  short.textContent = committed.commit.slice(0, 7);
  metadata.append(short);
  li.append(title, metadata, like(query(first, selectors.rowActions), document, 'div', 'list-view-item-action-bar-container'));
  return li;
}

/** On another branch's list: one line saying where the commit went, linking to that branch's commits. */
function linkFor(document: Document, repo: { owner: string; name: string }, committed: Committed): HTMLElement {
  const line = document.createElement('p');
  line.setAttribute(COMMITTED_ATTRIBUTE, committed.commit);
  line.setAttribute('role', 'status');
  line.append(`Committed ${committed.commit.slice(0, 7)} to ${committed.branch}: `);
  const link = document.createElement('a');
  link.href = `/${repo.owner}/${repo.name}/commits/${committed.branch.split('/').map(encodeURIComponent).join('/')}`;
  link.textContent = `see ${committed.branch}’s commits`;
  line.append(link);
  return line;
}

/**
 * Shows a commit just made from the Run form without a reload: on the list of the branch it went
 * to, a row at the top (GitHub's own row replaces it on the next load); on another list, a link to
 * that branch's list. Says false when the page has no list to put it in (the caller logs once).
 */
export function showCommitted(document: Document, list: { owner: string; name: string; ref: string }, committed: Committed): boolean {
  const first = query(document, selectors.commitRow);
  if (committed.branch === list.ref) {
    if (!first?.parentElement) return false;
    if (document.querySelector(`[${COMMITTED_ATTRIBUTE}="${committed.commit}"]`)) return true;
    first.parentElement.insertBefore(rowFor(document, first, list, committed), first);
    return true;
  }
  const container = query(document, selectors.commitList);
  if (!container?.parentElement) return false;
  container.parentElement.insertBefore(linkFor(document, list, committed), container);
  return true;
}
