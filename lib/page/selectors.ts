import type { CommitListKind } from './url';

/**
 * Every GitHub selector the extension uses (and the bench, the demo and the end-to-end tests), in
 * one place. Each names the commit lists it is used on and lists its variants, GitHub's current
 * markup first; its comment says which GitHub DOM that is and when it was checked. A fallback is
 * added only with a page fixture that tests it. Anchor on data-testid / aria / href shapes, never
 * on hashed `*-module__*` classes, which change with every GitHub deploy.
 */
export interface Selector {
  pages: readonly CommitListKind[];
  /** Queried in the whole document, or inside each commit row (then it must match in every row). */
  within: 'page' | 'row';
  variants: readonly [string, ...string[]];
}

const BOTH_LISTS = ['repo-commits', 'pr-commits'] as const;

export const selectors = {
  /** React CommitRow list item (repo list since 2023-12, PR tab since 2024-10). Checked 2026-08. */
  commitRow: {
    pages: BOTH_LISTS,
    within: 'page',
    variants: ['li[data-testid="commit-row-item"]'],
  },
  /**
   * Row title `h4.markdown-title > span > a`, href `/commit/<sha>` or `/pull/<n>/commits/<sha>`,
   * full message in `title` (as refined-github's commitTitleInLists, 2025-11). Checked 2026-08.
   */
  rowTitleLink: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['h4.markdown-title a[href]'],
  },
  /** The row's title heading (`rowTitleLink`'s `h4.markdown-title`): the report icon goes at its end, on the title's last line. Checked 2026-08. */
  rowHeading: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['h4.markdown-title'],
  },
  /** ListView metadata area holding the short SHA and CI badge (GitHub's CommitRow, 2026-05). Checked 2026-08. */
  rowMetadata: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['[data-testid="list-view-item-metadata"]'],
  },
  /** ListView right-side action bar (copy SHA, browse repository, view code), folded into `overflow-menu-anchor` on narrow viewports. Checked 2026-08. */
  rowActions: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['[data-testid="list-view-item-action-bar-container"]'],
  },
  /**
   * The anchor of the row's overflow menu, shown instead of the action bar's items on narrow
   * viewports (GitHub's ListView); our cells fold beside it when it shows. Checked 2026-08.
   */
  rowOverflow: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['[data-testid="overflow-menu-anchor"]'],
  },
  /** ListView main content: author, committer and time, the hidden description (GitHub's list-view tests). Checked 2026-08. */
  rowMainContent: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['[data-testid="list-view-item-main-content"]'],
  },
  /** ListView title container: the message heading and the description toggle (GitHub's list-view tests). Checked 2026-08. */
  rowTitle: {
    pages: BOTH_LISTS,
    within: 'row',
    variants: ['[data-testid="list-view-item-title-container"]'],
  },
  /** The element holding the day groups (`.Timeline-Item`, inside `prc-Timeline-*` on both lists): the header goes before it. Checked 2026-08. */
  commitList: {
    pages: BOTH_LISTS,
    within: 'page',
    variants: ['div:has(> .Timeline-Item)'],
  },
  /**
   * GitHub's `<meta name="user-login" content="<login>">` in every page head, `content` empty when
   * signed out (refined-github `getLoggedInUser`). The Run form sends it with a commit so the
   * background can refuse a token of another account. Checked 2026-12.
   */
  signedInUser: {
    pages: BOTH_LISTS,
    within: 'page',
    variants: ['meta[name="user-login"][content]'],
  },
  /**
   * Embedded JSON of the React commits app: payload.refInfo.{name,currentOid}, payload.path. The
   * pre-React list had no such data; without it a list is named by its repository alone. Checked 2026-08.
   */
  commitsData: {
    pages: ['repo-commits'],
    within: 'page',
    variants: ['react-app[app-name="commits"] script[type="application/json"][data-target="react-app.embeddedData"]'],
  },
} as const satisfies Record<string, Selector>;

/** Elements matching the first variant of `selector` that matches anything under `root`. */
export function queryAll(root: ParentNode, selector: Selector): Element[] {
  for (const variant of selector.variants) {
    const found = root.querySelectorAll(variant);
    if (found.length) return [...found];
  }
  return [];
}

export function query(root: ParentNode, selector: Selector): Element | undefined {
  for (const variant of selector.variants) {
    const found = root.querySelector(variant);
    if (found) return found;
  }
  return undefined;
}
