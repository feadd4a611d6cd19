import { query, queryAll, selectors } from './selectors';

export interface CommitRow {
  element: Element;
  sha: string;
}

const SHA_AT_END = /\/commits?\/([0-9a-f]{40})$/;

/**
 * The commit a row shows: from `data-commit-link` (what GitHub itself uses for keyboard
 * navigation), else from the title link; a full 40-hex SHA or undefined.
 */
export function shaOfRow(row: Element): string | undefined {
  const link = row.getAttribute('data-commit-link') ?? query(row, selectors.rowTitleLink)?.getAttribute('href');
  return link ? SHA_AT_END.exec(new URL(link, 'https://github.com').pathname)?.[1] : undefined;
}

/** Commit rows under `root`, in page order; rows whose SHA cannot be read are counted, not returned. */
export function findRows(root: ParentNode): { rows: CommitRow[]; unreadable: number } {
  const rows: CommitRow[] = [];
  let unreadable = 0;
  for (const element of queryAll(root, selectors.commitRow)) {
    const sha = shaOfRow(element);
    if (sha) rows.push({ element, sha });
    else unreadable++;
  }
  return { rows, unreadable };
}
